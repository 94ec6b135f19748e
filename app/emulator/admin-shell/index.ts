export { createAdminShell, type AdminShell, type AdminShellOptions } from "./shell-server";
export { embeddedAppUrl, hostParam, shopHandle } from "./embedded-url";
