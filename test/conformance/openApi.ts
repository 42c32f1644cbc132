import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBff } from '../../src/bff/app.ts'
import { loadConfig } from '../../src/bff/config.ts'

export interface OpenApiResponse {
  description: string
  headers?: Record<string, { schema: object }>
  content?: Record<string, { schema?: object }>
}
export interface OpenApiOperation {
  operationId?: string
  parameters?: { in: string; name: string; required?: boolean; schema: object }[]
  requestBody?: { content: Record<string, { schema: object }> }
  responses: Record<string, OpenApiResponse>
  security?: Record<string, string[]>[]
}
export interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, OpenApiOperation>>
}

/** The document exactly as GET /api/docs/json serves it, from a BFF built for the purpose (nothing listens). */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-doc-'))
  const app = await buildBff({
    ...loadConfig({}),
    apiDocs: true,
    storePath: join(dir, 'bff.sqlite'),
    logLevel: 'silent',
  })
  try {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' })
    if (res.statusCode !== 200) throw new Error(`/api/docs/json answered ${res.statusCode}`)
    return res.json<OpenApiDocument>()
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `/api/v1/bills/:billId` as the document writes it: `/api/v1/bills/{billId}`. */
export const documentPath = (route: string): string => route.replace(/:([A-Za-z_]+)/g, '{$1}')
