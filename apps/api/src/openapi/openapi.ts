import { z } from 'zod';
import { API_ROUTES, type ApiRoute } from './api-routes.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const ERROR_RESPONSE = {
  description: 'Lỗi: `{ code, message, details? }` (message in Vietnamese)',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
        required: ['code', 'message'],
      },
    },
  },
};

function operation(route: ApiRoute): Record<string, unknown> {
  const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  }));
  if (route.query) {
    const schema = toSchema(route.query, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        schema: property,
      });
    }
  }
  const requestBody = route.upload
    ? {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary' } },
              required: ['file'],
            },
          },
        },
      }
    : route.body
      ? {
          required: true,
          content: { 'application/json': { schema: toSchema(route.body, 'input') } },
        }
      : undefined;
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? { security: [{ bearer: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      '200': route.produces
        ? {
            description: 'OK',
            content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } },
          }
        : {
            description: 'OK',
            ...(route.response
              ? { content: { 'application/json': { schema: toSchema(route.response, 'output') } } }
              : {}),
          },
      '400': ERROR_RESPONSE,
      ...(route.auth ? { '401': ERROR_RESPONSE, '403': ERROR_RESPONSE } : {}),
    },
  };
}

/** OpenAPI 3.1 from the same zod schemas the API validates with. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'commune-bench API',
      version,
      description: 'So sánh kế hoạch cải cách hành chính và xếp hạng xã, phường.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
