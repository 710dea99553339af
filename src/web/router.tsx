// The route tree. Pages are split per route (lazy); the signed-in area is guarded in one place.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { isLocale } from '../core/locales.ts';
import { localToday } from './contacts/api.ts';
import { validateContactsSearch } from './contacts/search.ts';
import { validateDiarySearch, validateReviewSearch } from './diary/search.ts';
import { followupQuery } from './followup/api.ts';
import { applyLocale } from './i18n.ts';
import { joinInfoQuery } from './invitations/api.ts';
import { validateKpiSearch } from './kpis/search.ts';
import { overviewQuery } from './plans/api.ts';
import { validatePlansSearch } from './plans/search.ts';
import { installationQuery, meQuery } from './session.ts';
import { todayQuery } from './today/api.ts';
import { AppLayout } from './ui/AppLayout.tsx';
import { NotFound } from './ui/NotFound.tsx';
import { PageError, PageLoading } from './ui/PageStates.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

/** Pages for people who are not signed in; a signed-in person is sent to Today. */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  beforeLoad: async ({ context }) => {
    if (await context.queryClient.ensureQueryData(meQuery)) throw redirect({ to: '/' });
  },
});

const signInRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/sign-in',
  beforeLoad: async ({ context }) => {
    const installation = await context.queryClient.fetchQuery(installationQuery);
    if (installation.needsOwner) throw redirect({ to: '/sign-up' });
  },
  component: lazyRouteComponent(() => import('./accounts/SignInPage.tsx')),
});

const signUpRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/sign-up',
  loader: ({ context }) => context.queryClient.ensureQueryData(installationQuery),
  component: lazyRouteComponent(() => import('./accounts/SignUpPage.tsx')),
});

/** The signed-in area: needs a session, and applies the person's stored language. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in' });
    // Signed in with a password that breaks the password rule: a new one first.
    if (me.user.passwordChangeRequired) throw redirect({ to: '/change-password' });
    if (isLocale(me.user.locale)) await applyLocale(me.user.locale);
  },
  component: AppLayout,
});

/** Asks for a new password after a sign-in with a weak one; only while the server asks for it. */
const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in' });
    if (!me.user.passwordChangeRequired) throw redirect({ to: '/' });
    if (isLocale(me.user.locale)) await applyLocale(me.user.locale);
  },
  component: lazyRouteComponent(() => import('./accounts/ChangePasswordPage.tsx')),
});

const todayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  // The page's one request starts with its code, not after it.
  loader: ({ context }) => void context.queryClient.prefetchQuery(todayQuery(localToday())),
  component: lazyRouteComponent(() => import('./today/TodayPage.tsx')),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./settings/SettingsPage.tsx')),
});

const structureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/structure',
  validateSearch: (search: Record<string, unknown>): { view?: 'tree' | 'table' | 'invitations' } => {
    const view = search.view;
    return view === 'table' || view === 'invitations' || view === 'tree' ? { view } : {};
  },
  component: lazyRouteComponent(() => import('./structure/StructurePage.tsx')),
});

const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/structure/members/$id',
  component: lazyRouteComponent(() => import('./structure/MemberPage.tsx')),
});

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts',
  validateSearch: validateContactsSearch,
  component: lazyRouteComponent(() => import('./contacts/ContactsPage.tsx')),
});

const importContactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/import',
  component: lazyRouteComponent(() => import('./contacts/ImportContactsPage.tsx')),
});

const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$id',
  component: lazyRouteComponent(() => import('./contacts/ContactPage.tsx')),
});

const diaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/diary',
  validateSearch: validateDiarySearch,
  component: lazyRouteComponent(() => import('./diary/DiaryPage.tsx')),
});

const diaryReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/diary/review',
  validateSearch: validateReviewSearch,
  component: lazyRouteComponent(() => import('./diary/ReviewPage.tsx')),
});

const followupBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/followup',
  validateSearch: (search: Record<string, unknown>): { scope?: 'downline' } =>
    search.scope === 'downline' ? { scope: 'downline' } : {},
  component: lazyRouteComponent(() => import('./followup/BoardPage.tsx')),
});

const followupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/followup/$id',
  loader: ({ context, params }) =>
    void context.queryClient.prefetchQuery(followupQuery(params.id, localToday())),
  component: lazyRouteComponent(() => import('./followup/FollowupPage.tsx')),
});

const gettingStartedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/start',
  loader: ({ context }) => {
    const me = context.queryClient.getQueryData(meQuery.queryKey);
    if (me) void context.queryClient.prefetchQuery(followupQuery(me.member.id, localToday()));
  },
  component: lazyRouteComponent(() => import('./followup/GettingStartedPage.tsx')),
});

const cardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/card',
  component: lazyRouteComponent(() => import('./tools/CardPage.tsx')),
});

const presentationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/presentation',
  component: lazyRouteComponent(() => import('./tools/PresentationPage.tsx')),
});

const onboardingTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/onboarding',
  component: lazyRouteComponent(() => import('./settings/OnboardingTemplatePage.tsx')),
});

const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders',
  component: lazyRouteComponent(() => import('./orders/OrdersPage.tsx')),
});

const trainingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trainings',
  component: lazyRouteComponent(() => import('./trainings/TrainingsPage.tsx')),
});

const trainingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trainings/$id',
  component: lazyRouteComponent(() => import('./trainings/TrainingPage.tsx')),
});

const kpisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kpis',
  validateSearch: validateKpiSearch,
  component: lazyRouteComponent(() => import('./kpis/KpisPage.tsx')),
});

const reviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kpis/reviews',
  component: lazyRouteComponent(() => import('./kpis/ReviewsPage.tsx')),
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: validatePlansSearch,
  loaderDeps: ({ search }) => ({ memberId: search.memberId }),
  // The page's one request starts with its code, not after it.
  loader: ({ context, deps }) =>
    void context.queryClient.prefetchQuery(overviewQuery(context.queryClient, deps.memberId)),
  component: lazyRouteComponent(() => import('./plans/PlansPage.tsx')),
});

const teamPlansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/team',
  component: lazyRouteComponent(() => import('./plans/TeamPlans.tsx')),
});

/** The page behind an invitation link: public, whether or not someone is signed in. */
const joinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/join/$token',
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(joinInfoQuery(params.token)),
  component: lazyRouteComponent(() => import('./invitations/JoinPage.tsx')),
});

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([signInRoute, signUpRoute]),
  joinRoute,
  changePasswordRoute,
  appRoute.addChildren([
    todayRoute,
    settingsRoute,
    structureRoute,
    memberRoute,
    contactsRoute,
    importContactsRoute,
    contactRoute,
    diaryRoute,
    diaryReviewRoute,
    followupBoardRoute,
    followupRoute,
    gettingStartedRoute,
    cardRoute,
    presentationRoute,
    onboardingTemplateRoute,
    ordersRoute,
    trainingsRoute,
    trainingRoute,
    kpisRoute,
    reviewsRoute,
    plansRoute,
    teamPlansRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // "Back" returns to where the page was scrolled, e.g. far down a long contact list.
    scrollRestoration: true,
    defaultPendingComponent: PageLoading,
    defaultErrorComponent: PageError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
