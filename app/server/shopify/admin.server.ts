import { unauthenticated } from "../../shopify.server";
import { AdminClient } from "./admin-client";

/** An Admin client for background work (jobs, callbacks): the offline session, refreshed if expired. */
export async function adminClientForShop(shop: string): Promise<AdminClient> {
  const { session } = await unauthenticated.admin(shop);
  return new AdminClient({ shop, accessToken: session.accessToken! });
}

/** An Admin client for an authenticated admin request's session. */
export function adminClientForSession(session: { shop: string; accessToken?: string }): AdminClient {
  if (!session.accessToken) throw new Error("The session has no access token");
  return new AdminClient({ shop: session.shop, accessToken: session.accessToken });
}
