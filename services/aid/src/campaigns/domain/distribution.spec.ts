import { countLines, decideHandover, itemsText, signSheetRows } from './distribution';

const fields = (d: ReturnType<typeof decideHandover>) => ('errors' in d ? d.errors.map((e) => e.field) : []);

describe('in-kind distribution handover (签收)', () => {
  const today = '2027-01-20';
  const confirmedOn = '2027-01-15';

  it('records a handover to the member, or to a named proxy with their relation', () => {
    expect(
      decideHandover('pending', { outcome: 'delivered', deliveredOn: '2027-01-18', receivedBy: 'member' }, today, confirmedOn),
    ).toEqual({
      ok: true,
      handover: {
        status: 'delivered',
        deliveredOn: '2027-01-18',
        receivedBy: 'member',
        proxyName: null,
        proxyRelation: null,
        reason: null,
        note: null,
      },
    });
    const proxy = decideHandover(
      'not-delivered',
      { outcome: 'delivered', deliveredOn: today, receivedBy: 'proxy', proxyName: ' 王芳 ', proxyRelation: 'spouse', note: '本人住院' },
      today,
      confirmedOn,
    );
    expect(proxy).toEqual({
      ok: true,
      handover: expect.objectContaining({
        status: 'delivered',
        receivedBy: 'proxy',
        proxyName: '王芳',
        proxyRelation: 'spouse',
        note: '本人住院',
      }),
    });
  });

  it('a delivered line is final: recording it again is a conflict naming its state', () => {
    expect(decideHandover('delivered', { outcome: 'not-delivered', reason: 'moved' }, today, confirmedOn)).toEqual({
      ok: false,
      conflict: 'delivered',
    });
  });

  it('names each field that is wrong: the date outside confirmation..today, a proxy without name or relation, a reason on a delivery', () => {
    expect(
      fields(decideHandover('pending', { outcome: 'delivered', deliveredOn: '2027-01-21', receivedBy: 'member' }, today, confirmedOn)),
    ).toEqual(['deliveredOn']);
    expect(
      fields(decideHandover('pending', { outcome: 'delivered', deliveredOn: '2027-01-14', receivedBy: 'member' }, today, confirmedOn)),
    ).toEqual(['deliveredOn']);
    expect(fields(decideHandover('pending', { outcome: 'delivered' }, today, confirmedOn))).toEqual(['deliveredOn', 'receivedBy']);
    expect(
      fields(
        decideHandover(
          'pending',
          { outcome: 'delivered', deliveredOn: today, receivedBy: 'proxy', proxyRelation: 'cousin' },
          today,
          confirmedOn,
        ),
      ),
    ).toEqual(['proxyName', 'proxyRelation']);
    expect(
      fields(
        decideHandover(
          'pending',
          { outcome: 'delivered', deliveredOn: today, receivedBy: 'member', proxyName: '王芳', reason: 'moved' },
          today,
          confirmedOn,
        ),
      ),
    ).toEqual(['proxyName', 'reason']);
  });

  it('not delivered needs a known reason, and a note when the reason is other', () => {
    expect(decideHandover('pending', { outcome: 'not-delivered', reason: 'deceased' }, today, confirmedOn)).toEqual({
      ok: true,
      handover: {
        status: 'not-delivered',
        deliveredOn: null,
        receivedBy: null,
        proxyName: null,
        proxyRelation: null,
        reason: 'deceased',
        note: null,
      },
    });
    expect(fields(decideHandover('pending', { outcome: 'not-delivered' }, today, confirmedOn))).toEqual(['reason']);
    expect(fields(decideHandover('pending', { outcome: 'not-delivered', reason: 'other', note: '  ' }, today, confirmedOn))).toEqual([
      'note',
    ]);
    expect(
      fields(decideHandover('pending', { outcome: 'not-delivered', reason: 'declined', deliveredOn: today }, today, confirmedOn)),
    ).toEqual(['deliveredOn']);
  });
});

describe('the paper sign sheet (签收表)', () => {
  it('numbers the lines, writes the items as officers read them, and leaves the signature empty', () => {
    const items = [
      { name: '米', quantity: 10, unit: '公斤' },
      { name: '油', quantity: 5, unit: '升' },
    ];
    expect(itemsText(items)).toBe('米10公斤、油5升');
    const rows = signSheetRows([
      {
        memberId: 'm-1',
        memberLabel: null,
        items,
        status: 'pending',
        deliveredOn: null,
        receivedBy: null,
        proxyName: null,
        proxyRelation: null,
        reason: null,
        note: null,
      },
      {
        memberId: 'm-2',
        memberLabel: '张三',
        items,
        status: 'delivered',
        deliveredOn: '2027-01-18',
        receivedBy: 'proxy',
        proxyName: '王芳',
        proxyRelation: 'spouse',
        reason: null,
        note: null,
      },
      {
        memberId: 'm-3',
        memberLabel: null,
        items,
        status: 'not-delivered',
        deliveredOn: null,
        receivedBy: null,
        proxyName: null,
        proxyRelation: null,
        reason: 'other',
        note: '电话停机',
      },
    ]);
    expect(rows).toEqual([
      ['1', 'm-1', '米10公斤、油5升', '待发放', '', '', '', ''],
      ['2', '张三', '米10公斤、油5升', '已签收', '2027-01-18', '代领：王芳（配偶）', '', ''],
      ['3', 'm-3', '米10公斤、油5升', '未送达', '', '', '', '其他：电话停机'],
    ]);
  });

  it('counts lines per status', () => {
    expect(countLines({ delivered: 2, pending: 5 })).toEqual({ total: 7, delivered: 2, undelivered: 0, pending: 5 });
  });
});
