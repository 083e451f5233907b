export declare function declared(url: string): Promise<Response>;
