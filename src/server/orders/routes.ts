// Orders, the product catalog and the back-office import over HTTP (placeholder, filled by the orders work).
import type { App, Deps } from '../http/types.ts';

export async function orderRoutes(_app: App, _deps: Deps) {}
