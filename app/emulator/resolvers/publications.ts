import type { RootResolvers } from "../context";
import { publicationsOf, publishablePublish, publishableUnpublish } from "../domains/publications";

export const publicationQueries: RootResolvers = {
  publications: (_a, { core, shop }) => publicationsOf(core, shop),
  publication: (a, { core, shop }) => publicationsOf(core, shop).find((p) => p.id === a.id) ?? null,
};

export const publicationMutations: RootResolvers = {
  publishablePublish: (a, { core, shop }) => publishablePublish(core, shop, a.id, a.input),
  publishableUnpublish: (a, { core, shop }) => publishableUnpublish(core, shop, a.id, a.input),
};
