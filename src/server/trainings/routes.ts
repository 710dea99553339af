// Trainings, registration and attendance over HTTP (placeholder, filled by the trainings work).
import type { App, Deps } from '../http/types.ts';

export async function trainingRoutes(_app: App, _deps: Deps) {}
