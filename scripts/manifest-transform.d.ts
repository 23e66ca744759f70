export declare const DEV_URL: string;
export declare const DEFAULT_PROD_URL: string;
/** The production base URL: env MPWR_PROD_URL or the default, https, ending in "/". */
export declare function productionUrl(value?: string): string;
/** Replaces every https://localhost:3000/ by the production base URL. */
export declare function toProductionManifest(xml: string, prodUrl?: string): string;
