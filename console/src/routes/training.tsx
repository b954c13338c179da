// 培训 (training): its pages load as one chunk, only when an officer opens one of them (see App.tsx).
export { SessionsPage } from '../pages/training/SessionsPage';
export { SessionPage } from '../pages/training/SessionPage';
export { SignInCodePage } from '../pages/training/SignInCodePage';
export { CoursesPage } from '../pages/training/CoursesPage';
export { CertificatesPage } from '../pages/training/CertificatesPage';
export { OrdersPage } from '../pages/training/OrdersPage';
export { CompetitionsPage } from '../pages/training/CompetitionsPage';
export { ChildcarePage } from '../pages/training/ChildcarePage';
export { JobFairsPage } from '../pages/training/JobFairsPage';
