import { Skeleton, Tooltip } from 'antd';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { shortId, useMemberLookups } from './memberNames';

/**
 * A member by name, with their union in a tooltip; a skeleton while membership is asked (every
 * MemberName of the page in one request); the short id, with a tooltip saying why, when the
 * member is not in the officer's subtree.
 */
export function MemberName({ id }: { id: string }) {
  const { t } = useI18n();
  const { units } = useSession();
  const lookup = useMemberLookups([id])(id);
  if (lookup.state === 'loading') {
    return (
      <span data-member-id={id} data-member-loading="">
        <Skeleton.Input active size="small" style={{ width: 56, minWidth: 56, height: 16, verticalAlign: 'middle' }} />
      </span>
    );
  }
  if (lookup.state === 'found') {
    const { member } = lookup;
    const union = units.find((u) => u.id === member.orgUnitId)?.name;
    const communities = member.dualRegistrations.map((d) => d.communityName);
    const where = [union, ...(member.servedAs === 'dual-registration' ? communities.map((c) => `${t.dualRegistration}：${c}`) : [])].filter(Boolean).join('；');
    return (
      <Tooltip title={where ? `${member.memberNo} · ${where}` : member.memberNo}>
        <span data-member-id={id}>{member.name}</span>
      </Tooltip>
    );
  }
  const text = (
    <span data-member-id={id} data-member-unknown={lookup.state}>
      {shortId(id)}
    </span>
  );
  return lookup.state === 'outside' ? <Tooltip title={t.memberOutOfScope}>{text}</Tooltip> : text;
}
