// The three KPIs and the weekly analysis over HTTP (placeholder).
import type { App, Deps } from '../http/types.ts';

export async function kpiRoutes(_app: App, _deps: Deps) {}
