// Shown by the status endpoint and the module; bump with package.json.
export const EXTENSION_VERSION = '0.1.0';
