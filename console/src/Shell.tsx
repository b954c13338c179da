import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { BankOutlined, HeartOutlined, HomeOutlined, MenuOutlined, ReadOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { useI18n } from './i18n';
import { canUse, useSession } from './session';

/** The frame of every page: menu (only what the role allows), who is signed in, language, logout. */
export function Shell({ children }: { children: React.ReactNode }) {
  const { t, label, language, setLanguage } = useI18n();
  const { user, unit, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawer, setDrawer] = useState(false);

  const items = useMemo(() => {
    const menu: MenuProps['items'] = [{ key: '/', icon: <HomeOutlined />, label: t.home }];
    if (canUse(user, 'membership'))
      menu.push({
        key: 'membership',
        icon: <TeamOutlined />,
        label: t.membership,
        children: [
          { key: '/membership/org-units', label: t.orgTree },
          { key: '/membership/members', label: t.members },
          { key: '/membership/members/new', label: t.enrol },
          { key: '/membership/rosters', label: t.roster },
          { key: '/membership/prospects', label: t.prospects },
        ],
      });
    if (canUse(user, 'aid'))
      menu.push({
        key: 'aid',
        icon: <HeartOutlined />,
        label: t.aid,
        children: [
          { key: '/aid/applications', label: t.aidApplications },
          { key: '/aid/hardship-files', label: t.hardshipFiles },
          { key: '/aid/budgets', label: t.aidBudgets },
          { key: '/aid/payment-batches', label: t.aidBatches },
          { key: '/aid/campaigns', label: t.aidCampaigns },
          { key: '/aid/benefit-packages', label: t.benPackages },
          { key: '/aid/benefit-counter', label: t.benCounter },
          { key: '/aid/medical-plans', label: t.medPlans },
          { key: '/aid/medical-claims', label: t.medClaims },
          { key: '/aid/grants', label: t.grCalls },
        ],
      });
    if (canUse(user, 'training'))
      menu.push({
        key: 'training',
        icon: <ReadOutlined />,
        label: t.training,
        children: [
          { key: '/training/courses', label: t.trCourses },
          { key: '/training/sessions', label: t.sessions },
          { key: '/training/certificates', label: t.trCertificates },
          { key: '/training/orders', label: t.trOrders },
          { key: '/training/competitions', label: t.trCompetitions },
          { key: '/training/childcare', label: t.trChildcare },
          { key: '/training/job-fairs', label: t.trJobFairs },
        ],
      });
    if (canUse(user, 'mediation'))
      menu.push({
        key: 'mediation',
        icon: <SolutionOutlined />,
        label: t.mediation,
        children: [
          { key: '/mediation/cases', label: t.mdBoard },
          { key: '/mediation/mediators', label: t.mdRoster },
          { key: '/mediation/hazard-reports', label: t.mdHazardReports },
        ],
      });
    return menu;
  }, [t, user]);

  const selected = location.pathname.startsWith('/membership/members/') && location.pathname !== '/membership/members/new' ? '/membership/members' : location.pathname;
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[selected]}
      defaultOpenKeys={[...new Set(['membership', 'aid', location.pathname.split('/')[1]])].filter(Boolean)}
      items={items}
      data-testid="main-menu"
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={208} theme="dark">
          <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>
            <BankOutlined /> {t.appName}
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: narrow ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, lineHeight: 'normal' }}>
          <Space size={8} style={{ minWidth: 0 }}>
            {narrow && <Button icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label="menu" data-testid="menu-button" />}
            <div style={{ minWidth: 0 }} data-testid="whoami">
              <Typography.Text strong ellipsis>{user.displayName}</Typography.Text>
              <div style={{ fontSize: 12, color: '#666', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: narrow ? 180 : 480 }}>
                  {unit?.name ?? user.scopePath} · {user.roles.map((r) => label(r)).join('、')}
              </div>
            </div>
          </Space>
          <Space size={4}>
            <Button size="small" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')} data-testid="language">
              {t.language}
            </Button>
            <Button size="small" onClick={() => void logout()} data-testid="logout">
              {t.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>{children}</Layout.Content>
      </Layout>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" width={240} styles={{ body: { padding: 0, background: '#001529' } }} title={t.appName}>
        {menu}
      </Drawer>
    </Layout>
  );
}
