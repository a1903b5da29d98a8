/**
 * The Kubernetes manifests, as a deployer gets them: each kustomization (infra/k8s/base and every
 * overlay) rendered by `kubectl kustomize`, every object checked against its schema, then the facts
 * that tie the objects together (images, ports, probes, selectors, references, the connection budget).
 */
import { describe, expect, it } from 'vitest';
import {
  containerPort,
  envValue,
  kustomizations,
  millicores,
  render,
  Rendered,
  selects,
  surgePods,
  type CnpgCluster,
  type ConfigMap,
  type Container,
  type Deployment,
  type HorizontalPodAutoscaler,
  type Ingress,
  type Job,
  type NetworkPolicy,
  type PodDisruptionBudget,
  type Secret,
  type Service,
} from './manifests.js';
import { builtInKinds, CNPG_CLUSTER, typeKey, validateCnpgCluster } from './schemas.js';

const NAMESPACE = 'commune-bench';
/** The keys of the Secret `<cluster>-app` that CloudNativePG generates for the database owner. */
const CNPG_APP_SECRET_KEYS = [
  'username',
  'user',
  'password',
  'dbname',
  'host',
  'port',
  'pgpass',
  'uri',
  'jdbc-uri',
  'fqdn-uri',
  'fqdn-jdbc-uri',
];
/** PostgreSQL's superuser_reserved_connections default. */
const RESERVED_CONNECTIONS = 3;
/** The API's minimum length of JWT_SECRET. */
const JWT_SECRET_MIN = 32;

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected one ${what}, found ${items.length}`);
  return items[0]!;
}

function mainContainer(deploymentOrJob: Deployment | Job): Container {
  return only(
    deploymentOrJob.spec.template.spec.containers,
    `container in ${deploymentOrJob.metadata.name}`,
  );
}

describe.each(kustomizations())('infra/k8s/%s', (dir) => {
  const load = () => new Rendered(render(dir));
  const api = (r: Rendered) => r.component<Deployment>('Deployment', 'api');
  const worker = (r: Rendered) => r.component<Deployment>('Deployment', 'worker');
  const migrate = (r: Rendered) => r.component<Job>('Job', 'migrate');
  const cluster = (r: Rendered) => only(r.all<CnpgCluster>('Cluster'), 'CloudNativePG Cluster');

  it('renders with kubectl kustomize into named objects, all in the commune-bench namespace', () => {
    const r = load();
    expect(r.objects.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const object of r.objects) {
      expect(object.apiVersion, JSON.stringify(object).slice(0, 200)).toBeTypeOf('string');
      expect(object.kind).toBeTypeOf('string');
      expect(object.metadata?.name, `${object.kind} without a name`).toBeTypeOf('string');
      const key = `${object.kind}/${object.metadata.name}`;
      expect(seen.has(key), `${key} twice`).toBe(false);
      seen.add(key);
      if (object.kind === 'Namespace') expect(object.metadata.name).toBe(NAMESPACE);
      else expect(object.metadata.namespace, key).toBe(NAMESPACE);
    }
    expect(r.find('Namespace', NAMESPACE)).toBeDefined();
  });

  it('passes the Kubernetes schemas (kubernetes-models), and the Cluster the CloudNativePG subset', () => {
    const r = load();
    const problems: string[] = [];
    for (const object of r.objects) {
      const key = typeKey(object);
      const validate = key === CNPG_CLUSTER ? validateCnpgCluster : builtInKinds[key];
      if (validate === undefined) {
        problems.push(`${key} ${object.metadata.name}: no schema known for this kind`);
        continue;
      }
      try {
        validate(object);
      } catch (error) {
        problems.push(`${key} ${object.metadata.name}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs one application image in the API, the worker and the migration Job', () => {
    const r = load();
    const images = new Set(
      [api(r), worker(r), migrate(r)].map((owner) => mainContainer(owner).image),
    );
    expect(images.size).toBe(1);
    const [image] = [...images];
    expect(image).toMatch(/(^|\/)commune-bench(:[\w.-]+)?$/);
    // An overlay deploys a fixed version, never a moving tag.
    if (dir !== 'base') expect(image).toMatch(/:(?!latest$)[\w.-]+$/);
  });

  it('runs the API (main.js) with MIGRATIONS_RUN=false and RUN_JOBS=false, the worker (worker.js) and the migrations (cli.js migrate)', () => {
    const r = load();
    const apiContainer = mainContainer(api(r));
    expect(apiContainer.command ?? []).toEqual(['node', 'apps/api/dist/main.js']);
    expect(envValue(r, apiContainer, 'MIGRATIONS_RUN')).toBe('false');
    expect(envValue(r, apiContainer, 'RUN_JOBS')).toBe('false');

    const workerContainer = mainContainer(worker(r));
    expect([...(workerContainer.command ?? []), ...(workerContainer.args ?? [])]).toEqual([
      'node',
      'apps/api/dist/worker.js',
    ]);
    expect(envValue(r, workerContainer, 'MIGRATIONS_RUN')).toBe('false');
    expect(workerContainer.ports ?? []).toEqual([]);
    expect(worker(r).spec.replicas).toBe(1);

    const job = migrate(r);
    const jobContainer = mainContainer(job);
    expect([...(jobContainer.command ?? []), ...(jobContainer.args ?? [])]).toEqual([
      'node',
      'apps/api/dist/cli.js',
      'migrate',
    ]);
    expect(['Never', 'OnFailure']).toContain(job.spec.template.spec.restartPolicy);
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
    expect(job.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
  });

  it('probes /api/health on the container port that the Service targets, and the Service selects only API pods', () => {
    const r = load();
    const deployment = api(r);
    const container = mainContainer(deployment);
    const service = r.component<Service>('Service', 'api');
    expect(selects(service.spec.selector, deployment.spec.template.metadata?.labels)).toBe(true);
    // The Deployment's own selector picks its pods, and the Service picks no other workload's.
    expect(
      selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata?.labels),
    ).toBe(true);
    for (const { owner, template } of r.podTemplates()) {
      if (owner !== deployment) {
        expect(selects(service.spec.selector, template.metadata?.labels), owner.metadata.name).toBe(
          false,
        );
      }
    }
    const servicePort = only(service.spec.ports, 'port on the API Service');
    const target = containerPort(container, servicePort.targetPort ?? servicePort.port);
    expect(target, 'the Service targets a port the API container declares').toBe(3000);
    expect(envValue(r, container, 'PORT') ?? '3000').toBe(String(target));

    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) {
      const httpGet = container[probe]?.httpGet;
      expect(httpGet?.path, probe).toBe('/api/health');
      expect(containerPort(container, httpGet!.port), probe).toBe(target);
    }
    const readiness = container.readinessProbe!;
    const liveness = container.livenessProbe!;
    // The health check waits up to 2 s for the database: a probe must wait longer than that.
    for (const probe of [readiness, liveness, container.startupProbe!]) {
      expect(probe.timeoutSeconds ?? 1).toBeGreaterThan(2);
    }
    // A database outage makes pods unready well before the liveness probe restarts any.
    const failing = (p: typeof readiness) => (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3);
    expect(failing(liveness)).toBeGreaterThan(failing(readiness) * 2);
  });

  it('stops API pods gracefully: preStop sleep, then SIGTERM within the grace period', () => {
    const r = load();
    const deployment = api(r);
    const container = mainContainer(deployment);
    const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const sleepSeconds = Number(preStop[1]);
    expect(sleepSeconds).toBeGreaterThanOrEqual(5);
    const grace = deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30;
    expect(grace).toBeGreaterThanOrEqual(sleepSeconds + 15);
    expect(deployment.spec.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });

  it('runs the application pods as the node user with a read-only root and /tmp on an emptyDir', () => {
    const r = load();
    for (const owner of [api(r), worker(r), migrate(r)]) {
      const pod = owner.spec.template.spec;
      const container = mainContainer(owner);
      const name = owner.metadata.name;
      expect(pod.securityContext?.runAsNonRoot, name).toBe(true);
      expect(pod.securityContext?.runAsUser, name).toBe(1000);
      expect(container.securityContext?.readOnlyRootFilesystem, name).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation, name).toBe(false);
      const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      expect(tmp, `${name} mounts /tmp`).toBeDefined();
      expect(
        pod.volumes?.find((volume) => volume.name === tmp!.name)?.emptyDir,
        name,
      ).toBeDefined();
    }
  });

  it('gives every container CPU and memory requests and a memory limit', () => {
    const r = load();
    for (const { owner, template } of r.podTemplates()) {
      for (const container of template.spec.containers) {
        const where = `${owner.metadata.name}/${container.name}`;
        expect(container.resources?.requests?.cpu, where).toBeDefined();
        expect(container.resources?.requests?.memory, where).toBeDefined();
        expect(container.resources?.limits?.memory, where).toBeDefined();
      }
    }
  });

  it('autoscales the API Deployment on CPU (autoscaling/v2, 70%, 2 to 10 replicas)', () => {
    const r = load();
    const hpa = only(r.all<HorizontalPodAutoscaler>('HorizontalPodAutoscaler'), 'HPA');
    const deployment = api(r);
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    const cpu = only(hpa.spec.metrics ?? [], 'HPA metric');
    expect(cpu.resource).toEqual({
      name: 'cpu',
      target: { type: 'Utilization', averageUtilization: 70 },
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBe(10);
    expect(deployment.spec.replicas).toBe(hpa.spec.minReplicas);
    // Utilization is measured against the request: without one the HPA cannot act.
    expect(millicores(mainContainer(deployment).resources!.requests!.cpu!)).toBeGreaterThan(0);
  });

  it('keeps an API pod through node drains without blocking them (PodDisruptionBudget)', () => {
    const r = load();
    const pdb = only(r.all<PodDisruptionBudget>('PodDisruptionBudget'), 'PodDisruptionBudget');
    const deployment = api(r);
    const hpa = only(r.all<HorizontalPodAutoscaler>('HorizontalPodAutoscaler'), 'HPA');
    expect(selects(pdb.spec.selector?.matchLabels, deployment.spec.template.metadata?.labels)).toBe(
      true,
    );
    expect(typeof pdb.spec.minAvailable).toBe('number');
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.minAvailable as number).toBeLessThan(hpa.spec.minReplicas ?? 1);
  });

  it('routes the Ingress to the API Service on a port it exposes, over TLS, with a 25m+ body limit', () => {
    const r = load();
    const ingress = only(r.all<Ingress>('Ingress'), 'Ingress');
    const service = r.component<Service>('Service', 'api');
    const rules = ingress.spec.rules ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service!;
        expect(backend.name).toBe(service.metadata.name);
        const port = service.spec.ports.find((entry) =>
          backend.port.name !== undefined
            ? entry.name === backend.port.name
            : entry.port === backend.port.number,
        );
        expect(port, `Service port ${JSON.stringify(backend.port)}`).toBeDefined();
      }
      const tls = ingress.spec.tls?.find((entry) => entry.hosts?.includes(rule.host ?? ''));
      expect(tls?.secretName, `TLS for ${rule.host}`).toBeTruthy();
    }
    const bodySize = ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'];
    expect(bodySize).toMatch(/^\d+m$/);
    expect(Number.parseInt(bodySize!, 10)).toBeGreaterThanOrEqual(25);
  });

  it('refers only to ConfigMaps and Secrets of the render or to the CloudNativePG app secret', () => {
    const r = load();
    const appSecret = `${cluster(r).metadata.name}-app`;
    const problems: string[] = [];
    const keysOf = (kind: 'ConfigMap' | 'Secret', name: string): string[] | undefined => {
      if (kind === 'Secret' && name === appSecret) return CNPG_APP_SECRET_KEYS;
      const object = r.find<ConfigMap & Secret>(kind, name);
      if (object === undefined) return undefined;
      return [...Object.keys(object.data ?? {}), ...Object.keys(object.stringData ?? {})];
    };
    for (const { owner, template } of r.podTemplates()) {
      for (const container of [
        ...template.spec.containers,
        ...(template.spec.initContainers ?? []),
      ]) {
        const where = `${owner.metadata.name}/${container.name}`;
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef && keysOf('ConfigMap', source.configMapRef.name) === undefined)
            problems.push(`${where}: envFrom ConfigMap ${source.configMapRef.name} does not exist`);
          if (source.secretRef && keysOf('Secret', source.secretRef.name) === undefined)
            problems.push(`${where}: envFrom Secret ${source.secretRef.name} does not exist`);
        }
        for (const variable of container.env ?? []) {
          const refs = [
            ['Secret', variable.valueFrom?.secretKeyRef],
            ['ConfigMap', variable.valueFrom?.configMapKeyRef],
          ] as const;
          for (const [kind, ref] of refs) {
            if (ref === undefined) continue;
            const keys = keysOf(kind, ref.name);
            if (keys === undefined)
              problems.push(`${where}: ${variable.name}: no ${kind} ${ref.name}`);
            else if (!keys.includes(ref.key))
              problems.push(
                `${where}: ${variable.name}: ${kind} ${ref.name} has no key ${ref.key}`,
              );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('expands $(VAR) only from variables defined before, and connects to the Cluster -rw and -ro Services', () => {
    const r = load();
    const db = cluster(r);
    const name = db.metadata.name;
    const database = db.spec.bootstrap?.initdb?.database;
    expect(database).toBeTruthy();
    for (const owner of [api(r), worker(r), migrate(r)]) {
      const container = mainContainer(owner);
      const where = owner.metadata.name;
      const defined = new Set<string>();
      for (const source of container.envFrom ?? []) {
        const data = source.configMapRef
          ? r.find<ConfigMap>('ConfigMap', source.configMapRef.name)?.data
          : source.secretRef
            ? { ...r.find<Secret>('Secret', source.secretRef.name)?.stringData }
            : undefined;
        for (const key of Object.keys(data ?? {})) defined.add(key);
      }
      for (const variable of container.env ?? []) {
        for (const [, reference] of (variable.value ?? '').matchAll(
          /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
        )) {
          expect(
            defined.has(reference!),
            `${where}: ${variable.name} uses $(${reference}) before it is defined`,
          ).toBe(true);
        }
        defined.add(variable.name);
      }
      const url = container.env?.find((variable) => variable.name === 'DATABASE_URL');
      expect(url?.valueFrom?.secretKeyRef, `${where}: DATABASE_URL`).toEqual({
        name: `${name}-app`,
        key: 'uri',
      });
      const readUrl = container.env?.find((variable) => variable.name === 'DATABASE_READ_URL');
      if (owner.kind === 'Deployment') {
        expect(readUrl?.value, `${where}: DATABASE_READ_URL`).toBe(
          `postgresql://$(DB_USER):$(DB_PASSWORD)@${name}-ro:5432/${database}`,
        );
        const env = container.env ?? [];
        expect(env.find((v) => v.name === 'DB_USER')?.valueFrom?.secretKeyRef?.key).toBe(
          'username',
        );
        expect(env.find((v) => v.name === 'DB_PASSWORD')?.valueFrom?.secretKeyRef?.key).toBe(
          'password',
        );
      }
    }
  });

  it('runs PostgreSQL as a CloudNativePG Cluster of a primary and a replica', () => {
    const db = cluster(load());
    expect(db.spec.instances).toBe(2);
    expect(db.spec.bootstrap?.initdb).toEqual({
      database: 'commune_bench',
      owner: 'commune_bench',
    });
    expect(db.spec.storage.size).toMatch(/^\d+Gi$/);
  });

  it('keeps DB_POOL_SIZE x (API pods at most + worker pods + the Job) below max_connections', () => {
    const r = load();
    const hpa = only(r.all<HorizontalPodAutoscaler>('HorizontalPodAutoscaler'), 'HPA');
    const apiDeployment = api(r);
    const workerDeployment = worker(r);
    const poolOf = (owner: Deployment | Job) =>
      Number(envValue(r, mainContainer(owner), 'DB_POOL_SIZE') ?? '10');
    const pool = Math.max(poolOf(apiDeployment), poolOf(workerDeployment), poolOf(migrate(r)));
    const workers = workerDeployment.spec.replicas ?? 1;
    // During a rollout at the HPA's maximum, maxSurge more pods hold their pools too.
    const processes =
      hpa.spec.maxReplicas +
      surgePods(apiDeployment, hpa.spec.maxReplicas) +
      workers +
      surgePods(workerDeployment, workers) +
      1;
    const maxConnections = Number(cluster(r).spec.postgresql?.parameters?.max_connections ?? '100');
    expect(pool).toBe(10);
    expect(pool * (hpa.spec.maxReplicas + workers)).toBeLessThan(maxConnections);
    expect(pool * processes + RESERVED_CONNECTIONS).toBeLessThan(maxConnections);
  });

  it('shares Redis (appendonly, noeviction) with the API and the worker, reachable through its NetworkPolicy', () => {
    const r = load();
    const apiRedis = envValue(r, mainContainer(api(r)), 'REDIS_URL');
    expect(envValue(r, mainContainer(worker(r)), 'REDIS_URL')).toBe(apiRedis);
    const redisUrl = new URL(apiRedis ?? '');
    expect(redisUrl.protocol).toBe('redis:');
    const service = r.get<Service>('Service', redisUrl.hostname);
    expect(service.spec.ports.map((port) => port.port)).toContain(Number(redisUrl.port || 6379));
    const redis = r.component<Deployment>('Deployment', 'redis');
    expect(selects(service.spec.selector, redis.spec.template.metadata?.labels)).toBe(true);
    const args = mainContainer(redis).args ?? [];
    expect(args[args.indexOf('--appendonly') + 1]).toBe('yes');
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(redis.spec.strategy?.type).toBe('Recreate');
    const claim = redis.spec.template.spec.volumes?.find(
      (v) => v.persistentVolumeClaim,
    )?.persistentVolumeClaim;
    expect(r.find('PersistentVolumeClaim', claim?.claimName ?? '')).toBeDefined();

    const policy = r.component<NetworkPolicy>('NetworkPolicy', 'redis');
    expect(selects(policy.spec.podSelector.matchLabels, redis.spec.template.metadata?.labels)).toBe(
      true,
    );
    const allowed = (policy.spec.ingress ?? []).flatMap((rule) => rule.from ?? []);
    for (const client of [api(r), worker(r)]) {
      const labels = client.spec.template.metadata?.labels;
      expect(
        allowed.some((peer) => selects(peer.podSelector?.matchLabels, labels)),
        `${client.metadata.name} may reach Redis`,
      ).toBe(true);
    }
  });

  it('labels what must exist before the API rollout (the two-step deploy of infra/README.md)', () => {
    const r = load();
    const phase = (object: { metadata: { labels?: Record<string, string> } }) =>
      object.metadata.labels?.['commune-bench/deploy-phase'];
    const prepared = r.objects.filter((object) => phase(object) === 'prepare');
    const names = prepared.map((object) => `${object.kind}/${object.metadata.name}`);
    const job = migrate(r);
    expect(names).toContain(`Job/${job.metadata.name}`);
    expect(names).toContain(`Cluster/${cluster(r).metadata.name}`);
    expect(names).toContain(`Namespace/${NAMESPACE}`);
    // Everything the Job reads is applied with it.
    for (const source of mainContainer(job).envFrom ?? []) {
      const ref = source.configMapRef ?? source.secretRef;
      expect(
        names.some((name) => name.endsWith(`/${ref!.name}`)),
        ref!.name,
      ).toBe(true);
    }
    for (const owner of [api(r), worker(r)])
      expect(phase(owner), owner.metadata.name).toBeUndefined();
  });

  if (dir === 'base') {
    it('ships an example Secret that the API refuses (JWT_SECRET shorter than 32 characters)', () => {
      const r = load();
      const secrets = r.all<Secret>('Secret');
      const secret = only(secrets, 'Secret');
      const jwt = secret.stringData?.JWT_SECRET;
      expect(jwt).toBeTypeOf('string');
      expect(jwt!.length).toBeLessThan(JWT_SECRET_MIN);
      for (const owner of [api(r), worker(r)]) {
        expect(
          mainContainer(owner).envFrom?.some(
            (source) => source.secretRef?.name === secret.metadata.name,
          ),
        ).toBe(true);
      }
    });
  }
});
