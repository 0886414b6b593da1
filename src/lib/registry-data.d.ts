/** The build-time registry (src/lib/registry-plugin.ts). */
declare module "virtual:registry-data" {
  const data: import("./registry-plugin").RegistryData;
  export default data;
}
declare module "virtual:registry-data/scenarios" {
  const scenarios: import("./registry-plugin").RegistryData["scenarios"];
  export default scenarios;
}
