/**
 * Renders the Kustomize directories under infra/k8s with `kubectl kustomize` and gives typed access to
 * the rendered objects. Only what the tests read is typed; the full shapes are checked against the
 * Kubernetes schemas (kubernetes-models) in k8s.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const INFRA = join(dirname(fileURLToPath(import.meta.url)), '..');
export const K8S = join(INFRA, 'k8s');

/** infra/k8s/base and every infra/k8s/overlays/<name> with a kustomization.yaml. */
export function kustomizations(): string[] {
  const overlays = join(K8S, 'overlays');
  const found = existsSync(overlays)
    ? readdirSync(overlays)
        .map((name) => join('overlays', name))
        .filter((dir) => existsSync(join(K8S, dir, 'kustomization.yaml')))
        .sort()
    : [];
  return ['base', ...found];
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

export interface EnvFromSource {
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export interface Probe {
  httpGet?: { path?: string; port: number | string };
  exec?: { command?: string[] };
  tcpSocket?: { port: number | string };
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  initialDelaySeconds?: number;
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command?: string[] } } };
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
  };
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; fsGroup?: number };
  volumes?: { name: string; emptyDir?: object; persistentVolumeClaim?: { claimName: string } }[];
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: PodSpec;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // Each kind's own fields; read through the typed accessors below.
  [field: string]: unknown;
}

export interface Deployment extends K8sObject {
  spec: {
    replicas?: number;
    selector: { matchLabels?: Record<string, string> };
    strategy?: {
      type?: string;
      rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
    };
    template: PodTemplate;
  };
}

export interface Job extends K8sObject {
  spec: { backoffLimit?: number; ttlSecondsAfterFinished?: number; template: PodTemplate };
}

export interface Service extends K8sObject {
  spec: {
    selector?: Record<string, string>;
    ports: { name?: string; port: number; targetPort?: number | string }[];
  };
}

export interface HorizontalPodAutoscaler extends K8sObject {
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: {
      type: string;
      resource?: { name: string; target: { type: string; averageUtilization?: number } };
    }[];
  };
}

export interface PodDisruptionBudget extends K8sObject {
  spec: {
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    selector?: { matchLabels?: Record<string, string> };
  };
}

export interface Ingress extends K8sObject {
  spec: {
    ingressClassName?: string;
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: {
      host?: string;
      http?: {
        paths: {
          path?: string;
          backend: { service?: { name: string; port: { name?: string; number?: number } } };
        }[];
      };
    }[];
  };
}

export interface NetworkPolicy extends K8sObject {
  spec: {
    podSelector: { matchLabels?: Record<string, string> };
    ingress?: {
      from?: { podSelector?: { matchLabels?: Record<string, string> } }[];
      ports?: { port?: number | string }[];
    }[];
  };
}

export interface ConfigMap extends K8sObject {
  data?: Record<string, string>;
}

export interface Secret extends K8sObject {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface CnpgCluster extends K8sObject {
  spec: {
    instances: number;
    storage: { size: string };
    bootstrap?: { initdb?: { database?: string; owner?: string } };
    postgresql?: { parameters?: Record<string, string> };
  };
}

export class KubectlMissingError extends Error {}

/** The kubectl to run: $KUBECTL, else `kubectl` on the PATH. */
export function kubectl(): string {
  return process.env.KUBECTL ?? 'kubectl';
}

const rendered = new Map<string, string>();

/** `kubectl kustomize infra/k8s/<dir>`, once per directory. Throws (never skips) without kubectl. */
export function renderYaml(dir: string): string {
  const cached = rendered.get(dir);
  if (cached !== undefined) return cached;
  const result = spawnSync(kubectl(), ['kustomize', join(K8S, dir)], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new KubectlMissingError(
      `kubectl not found (looked for "${kubectl()}"): the infra tests render infra/k8s with ` +
        '`kubectl kustomize`. Install it, e.g. on Debian: apt-get install -y kubernetes-client ' +
        '(or point $KUBECTL at a kubectl binary).',
    );
  }
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `kubectl kustomize ${relative(INFRA, join(K8S, dir))} failed (exit ${result.status}):\n${result.stderr}`,
    );
  }
  rendered.set(dir, result.stdout);
  return result.stdout;
}

/** The rendered objects of a kustomization, parsed with the `yaml` package. */
export function render(dir: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const document of parseAllDocuments(renderYaml(dir))) {
    if (document.errors.length > 0) {
      throw new Error(`${dir}: invalid YAML: ${document.errors.map((e) => e.message).join('; ')}`);
    }
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    objects.push(value as K8sObject);
  }
  return objects;
}

/** Convenient look-ups over one render. */
export class Rendered {
  constructor(readonly objects: K8sObject[]) {}

  all<T extends K8sObject>(kind: string): T[] {
    return this.objects.filter((object) => object.kind === kind) as T[];
  }

  find<T extends K8sObject>(kind: string, name: string): T | undefined {
    return this.all<T>(kind).find((object) => object.metadata.name === name);
  }

  get<T extends K8sObject>(kind: string, name: string): T {
    const object = this.find<T>(kind, name);
    if (object === undefined) throw new Error(`no ${kind} ${name} in the render`);
    return object;
  }

  /** The one object of a kind carrying app.kubernetes.io/component=<component>. */
  component<T extends K8sObject>(kind: string, component: string): T {
    const matches = this.all<T>(kind).filter(
      (object) => object.metadata.labels?.['app.kubernetes.io/component'] === component,
    );
    if (matches.length !== 1) {
      throw new Error(`expected one ${kind} of component ${component}, found ${matches.length}`);
    }
    return matches[0]!;
  }

  /** Every pod template: Deployments' and Jobs'. */
  podTemplates(): { owner: K8sObject; template: PodTemplate }[] {
    return [...this.all<Deployment>('Deployment'), ...this.all<Job>('Job')].map((owner) => ({
      owner,
      template: owner.spec.template,
    }));
  }
}

/** Whether a selector's labels all appear, with the same values, among the labels. */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (selector === undefined || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** A container port given by number or by name, as a number. */
export function containerPort(container: Container, port: number | string): number | undefined {
  if (typeof port === 'number') {
    return container.ports?.some((entry) => entry.containerPort === port) ? port : undefined;
  }
  return container.ports?.find((entry) => entry.name === port)?.containerPort;
}

/** An env var's literal value on a container, from its env or from a ConfigMap it reads entirely. */
export function envValue(
  rendered: Rendered,
  container: Container,
  name: string,
): string | undefined {
  const direct = container.env?.find((entry) => entry.name === name);
  if (direct !== undefined) return direct.value;
  let value: string | undefined;
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const data = rendered.find<ConfigMap>('ConfigMap', source.configMapRef.name)?.data;
      if (data?.[name] !== undefined) value = data[name];
    }
  }
  return value;
}

/** A quantity of CPU (e.g. 250m, 1, '2') in millicores. */
export function millicores(quantity: string | number): number {
  const text = String(quantity);
  return text.endsWith('m') ? Number(text.slice(0, -1)) : Number(text) * 1000;
}

/** A rolling update's maxSurge (a count or a percentage of replicas) as a number of pods. */
export function surgePods(deployment: Deployment, replicas: number): number {
  if (deployment.spec.strategy?.type === 'Recreate') return 0;
  const surge = deployment.spec.strategy?.rollingUpdate?.maxSurge ?? '25%';
  if (typeof surge === 'number') return surge;
  if (surge.endsWith('%')) return Math.ceil((replicas * Number(surge.slice(0, -1))) / 100);
  return Number(surge);
}
