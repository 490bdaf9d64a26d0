import { isStoragePrefix } from './storage-keys';

export interface StoredFileOwner {
  /** The entity class. */
  target: abstract new (...args: never[]) => unknown;
  property: string;
  prefix: string;
}

const owners: StoredFileOwner[] = [];

/**
 * Marks the entity column that holds storage keys made with `prefix`. The orphan cleaner removes an old
 * file of a registered prefix once no marked column holds its key; files of unregistered prefixes are
 * never touched.
 */
export function StoredFileKey(prefix: string): PropertyDecorator {
  if (!isStoragePrefix(prefix)) throw new Error(`Invalid storage key prefix: ${prefix}`);
  return (target, property) => {
    owners.push({ target: target.constructor as StoredFileOwner['target'], property: String(property), prefix });
  };
}

export function storedFileOwners(): readonly StoredFileOwner[] {
  return owners;
}
