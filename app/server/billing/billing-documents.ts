// Billing API documents (Admin 2026-10). https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/appSubscriptionCreate

export const ACTIVE_SUBSCRIPTIONS_QUERY = `#graphql
  query silkrouteActiveSubscriptions {
    currentAppInstallation {
      activeSubscriptions { id name status test trialDays createdAt currentPeriodEnd }
    }
    shop { plan { partnerDevelopment } }
  }
`;

export const SUBSCRIPTION_CREATE_MUTATION = `#graphql
  mutation silkrouteSubscriptionCreate($name: String!, $returnUrl: URL!, $trialDays: Int, $test: Boolean, $lineItems: [AppSubscriptionLineItemInput!]!) {
    appSubscriptionCreate(name: $name, returnUrl: $returnUrl, trialDays: $trialDays, test: $test, lineItems: $lineItems) {
      appSubscription { id status }
      confirmationUrl
      userErrors { field message }
    }
  }
`;

export const SUBSCRIPTION_CANCEL_MUTATION = `#graphql
  mutation silkrouteSubscriptionCancel($id: ID!) {
    appSubscriptionCancel(id: $id) {
      appSubscription { id status }
      userErrors { field message }
    }
  }
`;
