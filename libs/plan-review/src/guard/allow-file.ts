/** Where the allow list lives in the repository; the CLI reads it by default when it exists. */
export const ALLOW_FILE = '.plan-review/allow.json';
