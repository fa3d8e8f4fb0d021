import { perModel } from './model.ts';
import { distinctOwnerName, ownerRecords, type OwnerRecord } from './owners.ts';

export interface OwnerDirectory {
  /** Sorted by name, as the owners index lists them. */
  records: OwnerRecord[];
  byId: Map<string, OwnerRecord>;
  /** An owner's name told apart from another's of the same name, across every registry. */
  nameOf: (id: string) => string;
}

/** Every owner's record, worked out once per model: the owners index, each owner's page and the calendar's filter read it. */
export const ownerDirectoryOf = perModel((model): OwnerDirectory => {
  const records = ownerRecords(model.corpus.runbooks, model.corpus.registries);
  const known = Object.fromEntries(records.flatMap((r) => (r.owner ? [[r.id, r.owner]] : [])));
  return { records, byId: new Map(records.map((r) => [r.id, r])), nameOf: (id) => distinctOwnerName(known, id) };
});
