import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import { assess } from '../engine/assess.js'
import { assessmentSchema } from '../engine/assessment-schema.js'
import { fastPath, replySerializerFor } from './reply-serializer.js'
import { serializeJson } from './serialize-json.js'

const userSchema = z.strictObject({ id: z.string(), email: z.string() })

async function reply(schema: z.ZodType, body: unknown) {
  const app = Fastify()
  app.setSerializerCompiler(({ schema: declared }) => replySerializerFor(declared))
  app.get('/x', { schema: { response: { 200: schema } } }, () => body)
  await app.ready()
  const response = await app.inject({ method: 'GET', url: '/x' })
  await app.close()
  return response
}

describe('replySerializerFor', () => {
  it('writes a reply that matches its schema', async () => {
    const response = await reply(userSchema, { id: 'u1', email: 'a@b.c' })
    expect([response.statusCode, response.body]).toEqual([200, '{"id":"u1","email":"a@b.c"}'])
  })

  it('never sends a field the schema does not declare: the reply fails instead', async () => {
    const response = await reply(userSchema, { id: 'u1', email: 'a@b.c', passwordHash: 'secret' })
    expect(response.statusCode).toBe(500)
    expect(response.body).not.toContain('secret')
  })

  it('writes the replies of a schema marked fastPath with serializeJson alone', () => {
    expect(replySerializerFor(fastPath(z.union([assessmentSchema, z.null()])))).toBe(serializeJson)
  })

  it('finds the fastPath mark on the schema Fastify hands its serializer compiler', async () => {
    const response = await reply(fastPath(z.strictObject({ id: z.string() })), { id: 'a', more: 1 })
    expect(response.body).toBe('{"id":"a","more":1}')
  })

  it('writes an assessment, the fast path, with serializeJson and no schema pass', () => {
    const assessment = assess(aProfile(), thePlaybook())
    const serialize = replySerializerFor(assessmentSchema)
    expect(serialize).toBe(serializeJson)
    expect(JSON.parse(serialize(assessment))).toEqual(JSON.parse(JSON.stringify(assessment)))
  })
})
