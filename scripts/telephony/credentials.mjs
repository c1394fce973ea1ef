// Ephemeral SIP credentials as Kamailio's auth_ephemeral checks them (TURN-REST style, with
// modparam("auth_ephemeral", "sha_algorithm", 1) = HMAC-SHA256):
//   username = "<expiry unix seconds>:<user>", password = base64(HMAC-SHA256(secret, username)).
// This is what a host's backend runs (in any language) for the agent it has logged in.
import { createHmac } from "node:crypto";

/** Credentials for `user`, valid `ttlSeconds` from `now` (ms); expiresAt in ms. */
export function issueCredentials(secret, user, ttlSeconds, now = Date.now()) {
  const expiry = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiry}:${user}`;
  const password = createHmac("sha256", secret).update(username).digest("base64");
  return { username, password, expiresAt: expiry * 1000 };
}
