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
import { SessionsPage } from './pages/training/SessionsPage';
import { CasesPage } from './pages/mediation/CasesPage';

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
          <Signed />
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
          <Route path="/training/sessions" element={guard('training', <SessionsPage />)} />
          <Route path="/mediation/cases" element={guard('mediation', <CasesPage />)} />
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
