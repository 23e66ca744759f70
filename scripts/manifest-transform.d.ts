export declare const DEV_URL: string;
export declare const DEFAULT_PROD_URL: string;
/** The production base URL: env MPWR_PROD_URL or the default, https, ending in "/". */
export declare function productionUrl(value?: string): string;
/** Replaces every https://localhost:3000/ by the production base URL. */
export declare function toProductionManifest(xml: string, prodUrl?: string): string;
export declare const DEFAULT_PROD_ID: string;
export declare const DEFAULT_PROD_NAME: string;
export declare function productionIdentity(env?: Record<string, string | undefined>): { id: string; displayName: string };
export declare function stampManifest(file: string, identity: { id: string; displayName: string }): { id?: string; displayName?: string };
export declare function manifestTool(args: string[]): { id?: string; displayName?: string; version?: string; providerName?: string; hosts?: string[] };
