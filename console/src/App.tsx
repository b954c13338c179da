import { useCallback, useEffect, useMemo, useState } from 'react';
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
import { DashboardPage } from './pages/DashboardPage';
import { OrgTreePage } from './pages/membership/OrgTreePage';
import { MembersPage } from './pages/membership/MembersPage';
import { EnrolPage } from './pages/membership/EnrolPage';
import { MemberPage } from './pages/membership/MemberPage';
import { RosterPage } from './pages/membership/RosterPage';
import { ProspectsPage } from './pages/membership/ProspectsPage';
import { HardshipFilesPage } from './pages/aid/HardshipFilesPage';
import { HardshipFilePage } from './pages/aid/HardshipFilePage';
import { ApplicationsPage } from './pages/aid/ApplicationsPage';
import { NewApplicationPage } from './pages/aid/NewApplicationPage';
import { ApplicationPage } from './pages/aid/ApplicationPage';
import { BudgetPage, BudgetsPage } from './pages/aid/BudgetsPage';
import { PaymentBatchesPage, PaymentBatchPage } from './pages/aid/PaymentBatchesPage';
import { CampaignPage, CampaignsPage } from './pages/aid/CampaignsPage';
import { BenefitPackagesPage } from './pages/aid/benefits/BenefitPackagesPage';
import { BenefitPackagePage } from './pages/aid/benefits/BenefitPackagePage';
import { RedemptionCounterPage } from './pages/aid/benefits/RedemptionCounterPage';
import { MedicalPlanPage, MedicalPlansPage } from './pages/aid/medical/MedicalPlansPage';
import { MedicalClaimPage, MedicalClaimsPage } from './pages/aid/medical/MedicalClaimsPage';
import { GrantCallsPage } from './pages/aid/grants/GrantCallsPage';
import { GrantCallPage } from './pages/aid/grants/GrantCallPage';
import { GrantProposalPage } from './pages/aid/grants/GrantProposalPage';
import { SessionsPage } from './pages/training/SessionsPage';
import { SessionPage } from './pages/training/SessionPage';
import { SignInCodePage } from './pages/training/SignInCodePage';
import { CoursesPage } from './pages/training/CoursesPage';
import { CertificatesPage } from './pages/training/CertificatesPage';
import { OrdersPage } from './pages/training/OrdersPage';
import { CompetitionsPage } from './pages/training/CompetitionsPage';
import { ChildcarePage } from './pages/training/ChildcarePage';
import { JobFairsPage } from './pages/training/JobFairsPage';
import { CasesPage } from './pages/mediation/CasesPage';
import { CasePage } from './pages/mediation/CasePage';
import { MediatorsPage } from './pages/mediation/MediatorsPage';
import { HazardReportsPage } from './pages/mediation/HazardReportsPage';
import { VerifyCertificatePage } from './pages/public/VerifyCertificatePage';

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
            <Route path="/verify/:code?" element={<VerifyCertificatePage />} />
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
      const list = await allPages(async (cursor) => (await api.GET('/api/v1/membership/org-units', { params: { query: { limit: 500, cursor } } })).data);
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
