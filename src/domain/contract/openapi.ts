import { z } from 'zod';
import { errorBodySchema, STATUS_OF } from './endpoint';
import { api } from './index';

/** zod 4 → JSON Schema; a schema that has no JSON form (a transform) is described as "any". */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

/** The OpenAPI 3.1 document of the whole contract (served at /api/openapi.json; docs/api.md shares it). */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { content: { 'application/json': { schema: jsonSchemaOf(errorBodySchema, 'output') } } };
  for (const [name, ep] of Object.entries(api)) {
    const path = ep.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...ep.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = ep.query ? jsonSchemaOf(ep.query, 'input') : null;
    const queryParams = query
      ? Object.entries((query.properties as Record<string, unknown>) ?? {}).map(([k, schema]) => ({
          name: k,
          in: 'query',
          required: ((query.required as string[]) ?? []).includes(k) && !('default' in (schema as object)),
          schema,
        }))
      : [];
    const headerParams = ep.versioned
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: true,
            schema: { type: 'string' },
            description: 'task version',
          },
        ]
      : [];
    const responses: Record<string, unknown> = {
      [ep.method === 'POST' && /create|import/i.test(name) ? '201' : '200']: {
        description: 'OK',
        content: { 'application/json': { schema: jsonSchemaOf(ep.response, 'output') } },
      },
    };
    for (const [code, status] of Object.entries(STATUS_OF))
      responses[String(status)] ??= { description: code, ...error };
    paths[path] ??= {};
    paths[path][ep.method.toLowerCase()] = {
      operationId: name,
      summary: ep.summary,
      parameters: [...params, ...queryParams, ...headerParams],
      ...(ep.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchemaOf(ep.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Luoshi API', version },
    paths,
  };
}
