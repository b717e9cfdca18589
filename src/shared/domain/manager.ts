import { z } from 'zod';
import { isoDateSchema } from '../contract/define';

/** A person or agency the creator shares access with. Sessions link here, so history survives revocation. */
export const managerSchema = z.object({
  id: z.string().max(200),
  name: z.string().trim().min(1).max(120),
  organisation: z.string().max(120).default(''),
  contact: z.string().max(200).default(''),
  role: z.string().max(120).default(''),
  contractStart: isoDateSchema.nullable().default(null),
  contractEnd: isoDateSchema.nullable().default(null),
  noticePeriodDays: z.number().int().min(0).max(3650).nullable().default(null),
  /** Set when offboarded; an offboarded manager keeps its history. */
  offboardedAt: z.string().nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Manager = z.infer<typeof managerSchema>;
