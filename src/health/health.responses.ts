import { z } from 'zod';

export const livenessBody = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const check = z.object({ status: z.enum(['up', 'down']), error: z.string().optional() });
export const readinessBody = z
  .object({ status: z.enum(['ok', 'error']), checks: z.object({ database: check, redis: check }) })
  .meta({ id: 'Readiness' });
