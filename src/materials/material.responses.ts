import { z } from 'zod';
import { listOf } from '../common/api-docs';

/** A material as the API gives it (materialJson). */
export const materialBody = z
  .object({
    id: z.uuid(),
    title: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int().describe('Bytes.'),
    sha256: z.string(),
    partId: z.uuid().nullable(),
    cohortId: z.uuid().nullable(),
    uploadedById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    downloadUrl: z.string(),
  })
  .meta({ id: 'Material' });

export const materialListBody = listOf(materialBody, 'MaterialList');
