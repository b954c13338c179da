// 调解 (mediation): its pages load as one chunk, only when an officer opens one of them (see App.tsx).
export { CasesPage } from '../pages/mediation/CasesPage';
export { CasePage } from '../pages/mediation/CasePage';
export { MediatorsPage } from '../pages/mediation/MediatorsPage';
export { HazardReportsPage } from '../pages/mediation/HazardReportsPage';
