// The product version shown in /api/system/status and the OpenAPI document.
export const APP_VERSION = '0.1.0';
