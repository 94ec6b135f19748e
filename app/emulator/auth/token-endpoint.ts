import type { Clock } from "../clock";
import type { ShopState } from "../state";
import { verifySessionToken } from "./jwt";
import { ACCESS_TOKEN_TTL_S, ONLINE_TOKEN_TTL_S, REFRESH_TOKEN_TTL_S, type TokenStore } from "./tokens";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

export interface TokenEndpointDeps { apiKey: string; apiSecret: string; clock: Clock; tokens: TokenStore; scopes: () => string[]; onInstall: (state: ShopState) => void }

type Reply = { status: number; body: Record<string, unknown> };

const oauthError = (status: number, error: string, description: string): Reply => ({ status, body: { error, error_description: description } });

/** POST https://<shop>/admin/oauth/access_token — the shapes @shopify/shopify-api's createSession() parses. */
export function tokenEndpoint(deps: TokenEndpointDeps, state: ShopState | undefined, shop: string, params: Record<string, string>): Reply {
  if (!state) return oauthError(404, "shop_not_found", `Shop ${shop} does not exist`);
  if (params.client_id !== deps.apiKey || params.client_secret !== deps.apiSecret) {
    return oauthError(401, "invalid_client", "Client authentication failed: unknown client or wrong secret.");
  }
  if (params.grant_type === "refresh_token") {
    const rotated = deps.tokens.rotate(params.refresh_token ?? "", shop);
    if (!rotated) return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or has been superseded.");
    return {
      status: 200,
      body: {
        access_token: rotated.access.token, scope: rotated.access.scope, expires_in: ACCESS_TOKEN_TTL_S,
        refresh_token: rotated.refresh.token, refresh_token_expires_in: REFRESH_TOKEN_TTL_S,
      },
    };
  }
  if (params.grant_type !== TOKEN_EXCHANGE) return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${params.grant_type}`);
  if (params.subject_token_type !== ID_TOKEN) return oauthError(400, "invalid_request", "subject_token_type must be an id_token");
  const check = verifySessionToken(params.subject_token ?? "", { apiKey: deps.apiKey, apiSecret: deps.apiSecret, shop, clock: deps.clock });
  if (!check.ok) return oauthError(400, "invalid_subject_token", `The session token is invalid: ${check.reason}.`);
  if (!state.installed) deps.onInstall(state);
  const scope = state.scopes.join(",");
  if (params.requested_token_type === ONLINE) {
    const userId = String(check.payload.sub ?? "42");
    const { access } = deps.tokens.issue({ shop, online: true, scope, expiring: true, userId });
    return {
      status: 200,
      body: {
        access_token: access.token, scope, expires_in: ONLINE_TOKEN_TTL_S, associated_user_scope: scope,
        session: check.payload.sid ?? null,
        associated_user: {
          id: Number(userId), first_name: "Emulated", last_name: "Staff", email: `staff-${userId}@example.com`,
          account_owner: true, locale: "en", collaborator: false, email_verified: true,
        },
      },
    };
  }
  if (params.requested_token_type !== OFFLINE) return oauthError(400, "invalid_request", "Unsupported requested_token_type");
  const expiring = params.expiring === "1" || params.expiring === "true";
  const { access, refresh } = deps.tokens.issue({ shop, online: false, scope, expiring });
  return {
    status: 200,
    body: {
      access_token: access.token, scope,
      ...(refresh ? { expires_in: ACCESS_TOKEN_TTL_S, refresh_token: refresh.token, refresh_token_expires_in: REFRESH_TOKEN_TTL_S } : {}),
    },
  };
}
