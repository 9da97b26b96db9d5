/** The engine version written into every report (keep in step with package.json). */
export const ENGINE_VERSION = '0.1.0';
/** The version of the report JSON layout. */
export const SCHEMA_VERSION = 1;
