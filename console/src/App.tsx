import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { allPages, api, setApiLanguage, tokenStore, whenSessionEnds, type OrgUnit, type UserView } from './api/client';
import { I18nContext, makeI18n, useI18n, type Language } from './i18n';
import { SessionContext, canUse, type Area, type Session } from './session';
import { Shell } from './Shell';
import { LoginPage } from './pages/LoginPage';
import { OrgTreePage } from './pages/membership/OrgTreePage';
import { MembersPage } from './pages/membership/MembersPage';
import { EnrolPage } from './pages/membership/EnrolPage';
import { MemberPage } from './pages/membership/MemberPage';
import { RosterPage } from './pages/membership/RosterPage';
import { ProspectsPage } from './pages/membership/ProspectsPage';
import { lazyPage, PageLoadBoundary, PageLoading } from './routes/lazy-page';

// Membership and the shell load with the app; the dashboard and each programme load the first time one of their
// pages is opened (ECharts when a chart is first drawn), so the login page and member search stay light.
const dashboard = () => import('./pages/DashboardPage');
const aid = () => import('./routes/aid');
const training = () => import('./routes/training');
const mediation = () => import('./routes/mediation');
const DashboardPage = lazyPage(dashboard, 'DashboardPage');
const HardshipFilesPage = lazyPage(aid, 'HardshipFilesPage');
const HardshipFilePage = lazyPage(aid, 'HardshipFilePage');
const ApplicationsPage = lazyPage(aid, 'ApplicationsPage');
const NewApplicationPage = lazyPage(aid, 'NewApplicationPage');
const ApplicationPage = lazyPage(aid, 'ApplicationPage');
const BudgetsPage = lazyPage(aid, 'BudgetsPage');
const BudgetPage = lazyPage(aid, 'BudgetPage');
const PaymentBatchesPage = lazyPage(aid, 'PaymentBatchesPage');
const PaymentBatchPage = lazyPage(aid, 'PaymentBatchPage');
const CampaignsPage = lazyPage(aid, 'CampaignsPage');
const CampaignPage = lazyPage(aid, 'CampaignPage');
const BenefitPackagesPage = lazyPage(aid, 'BenefitPackagesPage');
const BenefitPackagePage = lazyPage(aid, 'BenefitPackagePage');
const RedemptionCounterPage = lazyPage(aid, 'RedemptionCounterPage');
const MedicalPlansPage = lazyPage(aid, 'MedicalPlansPage');
const MedicalPlanPage = lazyPage(aid, 'MedicalPlanPage');
const MedicalClaimsPage = lazyPage(aid, 'MedicalClaimsPage');
const MedicalClaimPage = lazyPage(aid, 'MedicalClaimPage');
const GrantCallsPage = lazyPage(aid, 'GrantCallsPage');
const GrantCallPage = lazyPage(aid, 'GrantCallPage');
const GrantProposalPage = lazyPage(aid, 'GrantProposalPage');
const SessionsPage = lazyPage(training, 'SessionsPage');
const SessionPage = lazyPage(training, 'SessionPage');
const SignInCodePage = lazyPage(training, 'SignInCodePage');
const CoursesPage = lazyPage(training, 'CoursesPage');
const CertificatesPage = lazyPage(training, 'CertificatesPage');
const OrdersPage = lazyPage(training, 'OrdersPage');
const CompetitionsPage = lazyPage(training, 'CompetitionsPage');
const ChildcarePage = lazyPage(training, 'ChildcarePage');
const JobFairsPage = lazyPage(training, 'JobFairsPage');
const CasesPage = lazyPage(mediation, 'CasesPage');
const CasePage = lazyPage(mediation, 'CasePage');
const MediatorsPage = lazyPage(mediation, 'MediatorsPage');
const HazardReportsPage = lazyPage(mediation, 'HazardReportsPage');
const VerifyCertificatePage = lazyPage(() => import('./pages/public/VerifyCertificatePage'), 'VerifyCertificatePage');

const LANGUAGE_KEY = 'gonghui.language';

export function App() {
  const [language, setLanguageState] = useState<Language>(() => (localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN'));
  const setLanguage = useCallback((value: Language) => {
    localStorage.setItem(LANGUAGE_KEY, value);
    setLanguageState(value);
  }, []);
  setApiLanguage(language);
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = language;
  }, [language]);
  const i18n = useMemo(() => makeI18n(language, setLanguage), [language, setLanguage]);

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 4 } }}>
        <AntApp>
          <Routes>
            {/* 证书查验 is public: no login, outside the session. */}
            <Route
              path="/verify/:code?"
              element={
                <Suspense fallback={<Spin fullscreen />}>
                  <VerifyCertificatePage />
                </Suspense>
              }
            />
            <Route path="*" element={<Signed />} />
          </Routes>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

/** Loads who is signed in; without a session every path shows the login page, then comes back. */
function Signed() {
  const navigate = useNavigate();
  const location = useLocation();
  const [user, setUser] = useState<UserView | null>(null);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(Boolean(tokenStore.get()));
  const [expired, setExpired] = useState(false);

  const load = useCallback(async () => {
    if (!tokenStore.get()) return setLoading(false);
    setLoading(true);
    const me = await api.GET('/api/v1/auth/me');
    if (me.data) {
      setUser(me.data);
      const list = await allPages(
        async (cursor) => (await api.GET('/api/v1/membership/org-units', { params: { query: { limit: 500, cursor } } })).data,
      );
      setUnits(list);
    }
    setLoading(false);
  }, []);

  useEffect(() => {
    whenSessionEnds(() => {
      setUser(null);
      setExpired(true);
    });
    void load();
  }, [load]);

  const logout = useCallback(async () => {
    await api.POST('/api/v1/auth/logout');
    tokenStore.clear();
    setUser(null);
    setExpired(false);
    navigate('/');
  }, [navigate]);

  if (loading) return <Spin fullscreen />;
  if (!user)
    return (
      <LoginPage
        expired={expired}
        onLoggedIn={async () => {
          setExpired(false);
          await load();
          // Back to the page the officer was on (its draft is restored there).
          navigate(location.pathname === '/login' ? '/' : location.pathname + location.search, { replace: true });
        }}
      />
    );
  const rootUnitId = user.orgUnitId ?? units.find((u) => !u.parentId)?.id ?? null;
  const session: Session = { user, unit: units.find((u) => u.id === rootUnitId) ?? null, units, rootUnitId, logout };
  const guard = (area: Area, page: React.ReactNode) => (canUse(user, area) ? page : <Forbidden />);
  return (
    <SessionContext.Provider value={session}>
      <Shell>
        <PageLoadBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/login" element={<Navigate to="/" replace />} />
              <Route path="/membership/org-units" element={guard('membership', <OrgTreePage />)} />
              <Route path="/membership/members" element={guard('membership', <MembersPage />)} />
              <Route path="/membership/members/new" element={guard('membership', <EnrolPage />)} />
              <Route path="/membership/members/:id" element={guard('membership', <MemberPage />)} />
              <Route path="/membership/rosters" element={guard('membership', <RosterPage />)} />
              <Route path="/membership/prospects" element={guard('membership', <ProspectsPage />)} />
              <Route path="/aid/hardship-files" element={guard('aid', <HardshipFilesPage />)} />
              <Route path="/aid/hardship-files/:id" element={guard('aid', <HardshipFilePage />)} />
              <Route path="/aid/applications" element={guard('aid', <ApplicationsPage />)} />
              <Route path="/aid/applications/new" element={guard('aid', <NewApplicationPage />)} />
              <Route path="/aid/applications/:id" element={guard('aid', <ApplicationPage />)} />
              <Route path="/aid/budgets" element={guard('aid', <BudgetsPage />)} />
              <Route path="/aid/budgets/:id" element={guard('aid', <BudgetPage />)} />
              <Route path="/aid/payment-batches" element={guard('aid', <PaymentBatchesPage />)} />
              <Route path="/aid/payment-batches/:id" element={guard('aid', <PaymentBatchPage />)} />
              <Route path="/aid/campaigns" element={guard('aid', <CampaignsPage />)} />
              <Route path="/aid/campaigns/:id" element={guard('aid', <CampaignPage />)} />
              <Route path="/aid/benefit-packages" element={guard('aid', <BenefitPackagesPage />)} />
              <Route path="/aid/benefit-packages/:id" element={guard('aid', <BenefitPackagePage />)} />
              <Route path="/aid/benefit-counter" element={guard('aid', <RedemptionCounterPage />)} />
              <Route path="/aid/medical-plans" element={guard('aid', <MedicalPlansPage />)} />
              <Route path="/aid/medical-plans/:id" element={guard('aid', <MedicalPlanPage />)} />
              <Route path="/aid/medical-claims" element={guard('aid', <MedicalClaimsPage />)} />
              <Route path="/aid/medical-claims/:id" element={guard('aid', <MedicalClaimPage />)} />
              <Route path="/aid/grants" element={guard('aid', <GrantCallsPage />)} />
              <Route path="/aid/grants/:id" element={guard('aid', <GrantCallPage />)} />
              <Route path="/aid/grant-proposals/:id" element={guard('aid', <GrantProposalPage />)} />
              <Route path="/training/sessions" element={guard('training', <SessionsPage />)} />
              <Route path="/training/sessions/:id" element={guard('training', <SessionPage />)} />
              <Route path="/training/sessions/:id/sign-in-code" element={guard('training', <SignInCodePage />)} />
              <Route path="/training/courses" element={guard('training', <CoursesPage />)} />
              <Route path="/training/certificates" element={guard('training', <CertificatesPage />)} />
              <Route path="/training/orders" element={guard('training', <OrdersPage />)} />
              <Route path="/training/competitions" element={guard('training', <CompetitionsPage />)} />
              <Route path="/training/childcare" element={guard('training', <ChildcarePage />)} />
              <Route path="/training/job-fairs" element={guard('training', <JobFairsPage />)} />
              <Route path="/mediation/cases" element={guard('mediation', <CasesPage />)} />
              <Route path="/mediation/cases/:id" element={guard('mediation', <CasePage />)} />
              <Route path="/mediation/mediators" element={guard('mediation', <MediatorsPage />)} />
              <Route path="/mediation/hazard-reports" element={guard('mediation', <HazardReportsPage />)} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </PageLoadBoundary>
      </Shell>
    </SessionContext.Provider>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t.forbidden} />;
}
export function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
}
