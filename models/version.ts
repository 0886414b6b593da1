/**
 * The model version carried by every permalink, citation, export and CLI output. Bump it whenever a
 * change alters any number the model produces; golden tests fail until it is bumped and goldens are
 * regenerated. Parameter renames get an entry in `params/migrations.ts`.
 */
export const MODEL_VERSION = "2.4.0";
