#!/usr/bin/env bash
# A walk through the flow, against a running system whose demo is seeded (npm start does both).
#   infra/scripts/walkthrough.sh                      # the gateway at http://127.0.0.1:3000
#   GW=http://host:3000 KAFKA_BROKERS=host:9092 infra/scripts/walkthrough.sh
# Each step checks its HTTP status and stops at the first surprise, saying what it expected.
# Every run makes its own district, union and resident ID, so it can be run again and again.
set -euo pipefail

GW=${GW:-http://127.0.0.1:3000}
GONGHUI_USER=${GONGHUI_USER:-admin}
GONGHUI_PASSWORD=${GONGHUI_PASSWORD:-Gonghui@2026}
KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}
TOPIC=${KAFKA_TOPIC_PREFIX:-}gonghui.membership.member.v1
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLI="$ROOT/infra/dist/cli.js"
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
for tool in curl node; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
[ -f "$CLI" ] || fail "$CLI is missing: build first (npm run build, or npx tsc -b infra)"

# field NAME: a field of the last answer (dots for nesting), empty when absent
field() { node -e 'let v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); for (const k of process.argv[2].split(".")) v = v == null ? undefined : v[k]; process.stdout.write(v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v))' "$BODY" "$1"; }

# call METHOD PATH [JSON]: sets STATUS, the answer is in $BODY
call() {
  local args=(-sS -o "$BODY" -w '%{http_code}' -X "$1" "$GW$2" -H 'accept-language: en')
  [ -n "${TOKEN:-}" ] && args+=(-H "authorization: Bearer $TOKEN")
  [ $# -ge 3 ] && args+=(-H 'content-type: application/json' --data-binary "$3")
  STATUS=$(curl "${args[@]}") || fail "cannot reach the gateway at $GW (is the system running? npm start)"
}

# expect WANT METHOD PATH [JSON]: the call must answer WANT, else stop with the answer
expect() {
  local want=$1; shift
  call "$@"
  [ "$STATUS" = "$want" ] || fail "$1 $2 answered $STATUS, expected $want:
$(cat "$BODY")"
}

# eventually WANT METHOD PATH [JSON]: as expect, but waits up to 30 s while the answer is a 422
# unknown-member (the other services learn of a new member from its event, a moment later)
eventually() {
  local want=$1; shift
  for _ in $(seq 1 60); do
    call "$@"
    [ "$STATUS" = "$want" ] && return 0
    [ "$STATUS" = 422 ] || break
    sleep 0.5
  done
  fail "$1 $2 answered $STATUS, expected $want:
$(cat "$BODY")"
}

RUN=$(date +%s | tail -c 7)$RANDOM

step "1. log in as $GONGHUI_USER (POST /api/v1/auth/token): a bearer token"
call POST /api/v1/auth/token "{\"username\":\"$GONGHUI_USER\",\"password\":\"$GONGHUI_PASSWORD\"}"
case "$STATUS" in
  200) ;;
  401) fail "wrong username or password for $GONGHUI_USER (set GONGHUI_USER / GONGHUI_PASSWORD)" ;;
  423|429) fail "login refused with $STATUS: $(field detail)" ;;
  *) fail "POST /api/v1/auth/token answered $STATUS: $(cat "$BODY")" ;;
esac
TOKEN=$(field accessToken)
echo "token: ${TOKEN:0:16}…"

step "2. the demo's root, 示范市总工会, and a new district and industry union under it"
expect 200 GET '/api/v1/membership/org-units?limit=500'
FED=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).items.find((u) => u.parentId === null); process.stdout.write(r ? r.id : "")' "$BODY")
[ -n "$FED" ] || fail "the organisation tree is empty: seed the demo first (npm start, or node infra/dist/cli.js seed)"
expect 201 POST /api/v1/membership/org-units "{\"parentId\":\"$FED\",\"code\":\"WT-LJ-$RUN\",\"name\":\"两江新区总工会（演示$RUN）\",\"kind\":\"district\"}"
DIST=$(field id)
expect 201 POST /api/v1/membership/org-units "{\"parentId\":\"$DIST\",\"code\":\"WT-LJ-$RUN-RIDE\",\"name\":\"两江新区网约车司机工会\",\"kind\":\"industry\"}"
UNIT=$(field id)
echo "district $DIST, union $UNIT"

step "3. a fresh synthetic resident ID: node infra/dist/cli.js national-id --region 500112 --sex m"
NID=$(node "$CLI" national-id --region 500112 --sex m)
echo "resident ID: $NID"

step "4. enrol a member (入会): the answer shows the resident ID masked"
expect 201 POST /api/v1/membership/members "{\"name\":\"张伟\",\"nationalId\":\"$NID\",\"mobile\":\"13800138000\",\"orgUnitId\":\"$UNIT\",\"employmentForm\":\"gig-ride-hailing\"}"
MEMBER=$(field id)
MASKED=$(field maskedNationalId)
echo "member $MEMBER ($(field memberNo)), maskedNationalId: $MASKED"
[[ "$MASKED" =~ ^[0-9]{4}\*{10}[0-9]{3}[0-9X]$ ]] || fail "the answer's resident ID is not masked: $MASKED"

step "5. a wrong check digit is a 400 problem naming the field"
LAST=${NID:17:1}; WRONG=${NID:0:17}$([ "$LAST" = 0 ] && echo 1 || echo 0)
expect 400 POST /api/v1/membership/members "{\"name\":\"李娜\",\"nationalId\":\"$WRONG\",\"mobile\":\"13800138001\",\"orgUnitId\":\"$UNIT\",\"employmentForm\":\"regular\"}"
echo "400: $(field errors)"

step "6. the same person twice is a 409"
expect 409 POST /api/v1/membership/members "{\"name\":\"张伟\",\"nationalId\":\"$NID\",\"mobile\":\"13800138000\",\"orgUnitId\":\"$UNIT\",\"employmentForm\":\"regular\"}"
echo "409: $(field detail)"

step "7. the event on $TOPIC, read with kcat from the beginning: the resident ID masked there too"
if command -v kcat >/dev/null; then
  EVENT=
  for _ in $(seq 1 20); do
    # CloudEvents in binary mode: the type and id are headers (ce_*), the value is the data
    EVENT=$(kcat -b "$KAFKA_BROKERS" -C -t "$TOPIC" -o beginning -e -q -f '%h\t%s\n' 2>/dev/null | grep -F "$MEMBER" | grep -F ce_type=cn.gonghui.membership.member.enrolled.v1 | head -n 1 || true)
    [ -n "$EVENT" ] && break
    sleep 0.5
  done
  [ -n "$EVENT" ] || fail "no member.enrolled event for $MEMBER on $TOPIC (brokers $KAFKA_BROKERS)"
  printf 'headers: %s\nvalue:   %s\n' "${EVENT%%$'\t'*}" "${EVENT#*$'\t'}"
  case "$EVENT" in *"$NID"*) fail "the event carries the raw resident ID" ;; esac
  case "$EVENT" in *"$MASKED"*) echo "(the event carries $MASKED, never the raw ID)" ;; *) fail "the event does not carry the masked resident ID $MASKED" ;; esac
else
  echo "skipped: kcat is not installed (apt-get install kcat, or brew install kcat; on older Debian/Ubuntu the package is kafkacat). Then:"
  echo "  kcat -b $KAFKA_BROKERS -C -t $TOPIC -o beginning -e -q -f '%h\\t%s\\n' | grep $MEMBER"
fi

step "8. aid learns of the member from the event and opens a hardship file after a household visit (六清)"
eventually 201 POST /api/v1/aid/hardship-files "{\"memberId\":\"$MEMBER\",\"cause\":\"illness\",\"visit\":{\"visitedOn\":\"$(date +%F)\",\"householdSize\":4,\"monthlyHouseholdIncomeFen\":280000,\"incomeSources\":\"本人工资\",\"housing\":\"租房\",\"health\":\"家属患病\",\"childrenSchooling\":\"一子读小学\"}}"
echo "hardship file $(field id)"

step "9. training: a session and a booking"
STARTS=$(node -e 'const d = new Date(Date.now() + 30 * 86400000); d.setUTCHours(1, 0, 0, 0); console.log(d.toISOString())')
ENDS=$(node -e 'const d = new Date(process.argv[1]); d.setUTCHours(9); console.log(d.toISOString())' "$STARTS")
expect 201 POST /api/v1/training/sessions "{\"courseTitle\":\"低压电工作业\",\"startsAt\":\"$STARTS\",\"endsAt\":\"$ENDS\",\"location\":\"职工文化宫\",\"capacity\":30}"
SESSION=$(field id)
eventually 201 POST "/api/v1/training/sessions/$SESSION/bookings" "{\"memberId\":\"$MEMBER\"}"
echo "session $SESSION, booking $(field id)"

step "10. mediation: a case closed with an agreement; aid records a referral for the worker"
eventually 201 POST /api/v1/mediation/cases "{\"memberId\":\"$MEMBER\",\"source\":\"complaint\",\"summary\":\"拖欠服务费\",\"employerName\":\"某出行平台\"}"
CASE=$(field id)
expect 200 POST "/api/v1/mediation/cases/$CASE/settle" "{\"obligations\":[{\"description\":\"补付服务费\",\"amountFen\":1300000,\"dueDate\":\"$(date -d '+30 days' +%F 2>/dev/null || date -v+30d +%F)\"}]}"
REFERRALS=0
for _ in $(seq 1 60); do
  expect 200 GET "/api/v1/aid/referrals?memberId=$MEMBER"
  REFERRALS=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).items.length)' "$BODY")
  [ "$REFERRALS" -gt 0 ] && break
  sleep 0.5
done
[ "$REFERRALS" -gt 0 ] || fail "aid recorded no referral for $MEMBER within 30 s of the settlement"
echo "case $CASE settled; aid referrals for the member: $REFERRALS"

step "11. log out (POST /api/v1/auth/logout): the token is refused from now on"
expect 204 POST /api/v1/auth/logout
expect 401 GET /api/v1/auth/me
echo "logged out; the old token now gets 401"

printf '\nwalk-through complete\n'
