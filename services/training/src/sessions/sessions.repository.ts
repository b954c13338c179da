import { Inject, Injectable } from '@nestjs/common';
import { Tx } from '@gonghui/persistence';
import { ServiceRuntime } from '@gonghui/service-kit';
import { BookingView, SessionView } from './session.dto';

export interface SessionRow {
  id: string;
  course_title: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  capacity: number;
  booked: number;
  created_at: Date;
}

export interface BookingRow {
  id: string;
  session_id: string;
  member_id: string;
  org_unit_path: string;
  booked_at: Date;
}

export const toSessionView = (r: SessionRow): SessionView => ({
  id: r.id,
  courseTitle: r.course_title,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  location: r.location,
  capacity: r.capacity,
  booked: r.booked,
  createdAt: r.created_at.toISOString(),
});

export const toBookingView = (r: BookingRow): BookingView => ({ id: r.id, sessionId: r.session_id, memberId: r.member_id, bookedAt: r.booked_at.toISOString() });

@Injectable()
export class SessionsRepository {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async insert(row: Omit<SessionRow, 'booked' | 'created_at'> & { created_by: string }): Promise<SessionRow> {
    const { rows } = await this.runtime.pool.query<SessionRow>(
      `INSERT INTO sessions (id, course_title, starts_at, ends_at, location, capacity, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [row.id, row.course_title, row.starts_at, row.ends_at, row.location, row.capacity, row.created_by],
    );
    return rows[0];
  }

  async findById(id: string, tx?: Tx, forUpdate = false): Promise<SessionRow | null> {
    const { rows } = await (tx ?? this.runtime.pool).query<SessionRow>(`SELECT * FROM sessions WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async list(after: { t: string; id: string } | null, limit: number): Promise<SessionRow[]> {
    const { rows } = await this.runtime.pool.query<SessionRow>(
      `SELECT * FROM sessions WHERE ($1::timestamptz IS NULL OR (created_at, id) > ($1, $2::uuid)) ORDER BY created_at, id LIMIT $3`,
      [after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }

  async listBookings(sessionId: string, scopeLike: string, after: { t: string; id: string } | null, limit: number): Promise<BookingRow[]> {
    const { rows } = await this.runtime.pool.query<BookingRow>(
      `SELECT * FROM bookings
        WHERE session_id = $1 AND org_unit_path LIKE $2 AND ($3::timestamptz IS NULL OR (booked_at, id) > ($3, $4::uuid))
        ORDER BY booked_at, id LIMIT $5`,
      [sessionId, scopeLike, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }
}
