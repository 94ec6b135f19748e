/** Admin GraphQL documents for the restricted-items metafields. */

export const RESTRICTIONS_SET = `#graphql
mutation silkrouteRestrictionsSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field message code } }
}`;
