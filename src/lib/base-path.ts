/**
 * The site's base path without its trailing slash ("" at the root, "/repo" under a sub-path), for links
 * written at build time: `${BASE_PATH}/methods/`. Astro's `BASE_URL` ends with a slash.
 */
export const BASE_PATH: string = import.meta.env.BASE_URL.replace(/\/$/, "");
