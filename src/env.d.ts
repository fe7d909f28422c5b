declare const __SIMULATED__: boolean;
declare const __APP_VERSION__: string;
