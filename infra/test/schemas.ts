/**
 * Schema validation of the rendered objects: the built-in kinds against the Kubernetes OpenAPI schemas
 * shipped by kubernetes-models (its `validate()` throws on a violation), the CloudNativePG Cluster
 * against a JSON schema of the subset of its API that these manifests use.
 */
import { Ajv } from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service } from 'kubernetes-models/v1';
import type { K8sObject } from './manifests.js';

type Validate = (object: unknown) => void;

function model<T>(Model: new (data: T) => { validate(): void }): Validate {
  return (object) => new Model(object as T).validate();
}

/** The built-in kinds the manifests may use, by apiVersion and kind. */
export const builtInKinds: Record<string, Validate> = {
  'v1/Namespace': model(Namespace),
  'v1/ConfigMap': model(ConfigMap),
  'v1/Secret': model(Secret),
  'v1/Service': model(Service),
  'v1/PersistentVolumeClaim': model(PersistentVolumeClaim),
  'apps/v1/Deployment': model(Deployment),
  'batch/v1/Job': model(Job),
  'autoscaling/v2/HorizontalPodAutoscaler': model(HorizontalPodAutoscaler),
  'policy/v1/PodDisruptionBudget': model(PodDisruptionBudget),
  'networking.k8s.io/v1/Ingress': model(Ingress),
  'networking.k8s.io/v1/NetworkPolicy': model(NetworkPolicy),
};

export const CNPG_CLUSTER = 'postgresql.cnpg.io/v1/Cluster';

export function typeKey(object: K8sObject): string {
  return `${object.apiVersion}/${object.kind}`;
}

const quantity = '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$';
const resources = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requests: { type: 'object', additionalProperties: { type: 'string', pattern: quantity } },
    limits: { type: 'object', additionalProperties: { type: 'string', pattern: quantity } },
  },
};

/**
 * A subset of CloudNativePG's Cluster (postgresql.cnpg.io/v1), written from its API reference: only
 * the fields these manifests set, and none other allowed in spec, so a misspelt field fails here
 * rather than being dropped by the API server.
 */
export const cnpgClusterSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'postgresql.cnpg.io/v1' },
    kind: { const: 'Cluster' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        // An RFC 1035 label (the Services are named after it) of at most 50 characters.
        name: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$', maxLength: 50 },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['instances', 'storage'],
      properties: {
        instances: { type: 'integer', minimum: 1 },
        imageName: { type: 'string', minLength: 1 },
        primaryUpdateStrategy: { enum: ['supervised', 'unsupervised'] },
        storage: {
          type: 'object',
          additionalProperties: false,
          required: ['size'],
          properties: {
            size: { type: 'string', pattern: quantity },
            storageClass: { type: 'string' },
          },
        },
        bootstrap: {
          type: 'object',
          additionalProperties: false,
          properties: {
            initdb: {
              type: 'object',
              additionalProperties: false,
              properties: {
                database: { type: 'string', minLength: 1 },
                owner: { type: 'string', minLength: 1 },
                secret: {
                  type: 'object',
                  required: ['name'],
                  properties: { name: { type: 'string' } },
                },
              },
            },
          },
        },
        postgresql: {
          type: 'object',
          additionalProperties: false,
          properties: {
            // PostgreSQL's settings, every value a string.
            parameters: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        resources,
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validateCluster = ajv.compile(cnpgClusterSchema);

/** Throws with every violation when the object is not a Cluster of the subset above. */
export function validateCnpgCluster(object: unknown): void {
  if (!validateCluster(object)) {
    throw new Error(
      (validateCluster.errors ?? [])
        .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`)
        .join('; '),
    );
  }
}
