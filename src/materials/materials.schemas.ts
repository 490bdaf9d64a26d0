import { z } from 'zod';
import { requiredText } from '../common/schemas';

/** The text fields of an upload form; the file itself is checked by the storage module. */
export const materialFieldsSchema = z.object({
  title: requiredText(300),
});
