// Admin GraphQL documents for the bulk import path.

/** The mutation each JSONL line runs; same shape as the sync push so results map back the same way. */
export const BULK_PRODUCT_SET = `#graphql
  mutation silkrouteSourcingBulkProductSet($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
    productSet(input: $input, identifier: $identifier, synchronous: true) {
      product {
        id
        variants(first: 60) {
          nodes { id sku barcode inventoryItem { id inventoryLevels(first: 3) { nodes { location { id } quantities(names: ["available"]) { name quantity } } } } }
        }
      }
      userErrors { field message code }
    }
  }
`;

export const STAGED_UPLOADS_CREATE = `#graphql
  mutation silkrouteSourcingStagedUpload($filename: String!) {
    stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: $filename, mimeType: "text/jsonl", httpMethod: POST }]) {
      stagedTargets { url resourceUrl parameters { name value } }
      userErrors { field message }
    }
  }
`;

export const BULK_RUN_MUTATION = `#graphql
  mutation silkrouteSourcingBulkRun($mutation: String!, $stagedUploadPath: String!, $clientIdentifier: String) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath, clientIdentifier: $clientIdentifier) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const BULK_OPERATION = `#graphql
  query silkrouteSourcingBulkOperation($id: ID!) {
    bulkOperation(id: $id) { id status errorCode url partialDataUrl objectCount }
  }
`;
