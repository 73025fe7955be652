/**
 * File names derived from scenario data (ids, checkpoint names) stay inside their
 * folder: anything but [A-Za-z0-9._-] becomes '_', leading dots are removed, length is
 * capped, and a short hash keeps distinct names distinct.
 */
import { createHash } from 'node:crypto';

export function safeName(raw: string, max = 64): string {
  const cleaned = raw.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, max);
  if (cleaned === raw && cleaned.length > 0) return cleaned;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  return `${cleaned || 'x'}-${hash}`;
}
