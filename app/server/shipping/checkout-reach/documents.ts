/**
 * Admin GraphQL documents for making Silkroute's carrier rates reachable at checkout (delivery profiles, 2026-10).
 * Shapes: DeliveryProfileInput / DeliveryLocationGroupZoneInput / DeliveryMethodDefinitionInput / DeliveryParticipantInput,
 * https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/deliveryProfileCreate and deliveryProfileUpdate.
 * Neither mutation's description requires `@idempotent`; repeated calls are made safe by find-before-create instead.
 * Profiles are read one at a time: a profile's zones and method definitions nest two connections deep and listing
 * them for every profile at once exceeds the 1,000-point single-query cost limit. Page sizes keep one profile read near
 * 350 points (25 locations per group, 15 zones, 5 carrier methods per zone); a profile with more is read in part.
 */

export const REACH_PROFILES = `#graphql
query silkrouteReachProfiles {
  deliveryProfiles(first: 25) { nodes { id name default coversAllItems } }
  locationsAvailableForDeliveryProfilesConnection(first: 100) { nodes { id } }
}`;

export const REACH_PROFILE = `#graphql
query silkrouteReachProfile($id: ID!) {
  deliveryProfile(id: $id) {
    id name default coversAllItems
    profileLocationGroups {
      locationGroup { id locations(first: 25) { nodes { id } } }
      locationGroupZones(first: 15) {
        nodes {
          zone { id name countries { code { countryCode restOfWorld } } }
          methodDefinitions(first: 5, type: PARTICIPANT) {
            nodes { id active rateProvider { __typename ... on DeliveryParticipant { carrierService { id } } } }
          }
        }
      }
    }
  }
}`;

export const REACH_PROFILE_CREATE = `#graphql
mutation silkrouteReachProfileCreate($profile: DeliveryProfileInput!) {
  deliveryProfileCreate(profile: $profile) { profile { id } userErrors { field message } }
}`;

export const REACH_PROFILE_UPDATE = `#graphql
mutation silkrouteReachProfileUpdate($id: ID!, $profile: DeliveryProfileInput!) {
  deliveryProfileUpdate(id: $id, profile: $profile) { profile { id } userErrors { field message } }
}`;

export const REACH_PROFILE_REMOVE = `#graphql
mutation silkrouteReachProfileRemove($id: ID!) {
  deliveryProfileRemove(id: $id) { job { id } userErrors { field message } }
}`;
