import type { Migration } from '../migrations'

/** Whether a field of the input is there with a value (not null, "" or []): the same test as price-shape.ts. */
const has = (field: string) => `(input->'${field}' IS NOT NULL AND input->'${field}' NOT IN ('null', '""', '[]'))`

// PRICE_MEDIA_FIELDS of src/catalog/price-shape.ts as of this migration (a test keeps the two equal).
export const PRICE_MEDIA_FIELDS_V4 = [
  'audio_url',
  'end_image_url',
  'first_clip_url',
  'first_frame_url',
  'image_url',
  'last_frame_url',
  'reference_image_urls',
  'source_video_url',
]

/** A render's credits on its day: Cannon's bill once finished (none counts as 0), else the bill or the reservation. */
const charge = (row: 'OLD' | 'NEW', part: 'spent' | 'reserved') =>
  part === 'spent'
    ? `CASE WHEN ${row}.status IN ('succeeded', 'failed') THEN coalesce(${row}.billable_credits, 0) ELSE 0 END`
    : `CASE WHEN ${row}.status IN ('succeeded', 'failed') THEN 0
        ELSE coalesce(${row}.billable_credits, ${row}.reserved_credits) END`

export const creditsMigration: Migration = {
  version: 4,
  name: 'credits and authors',
  statements: [
    // Named tokens vouch for an author; a name the browser sends is only self-declared.
    `ALTER TABLE renders ADD COLUMN author_verified boolean NOT NULL DEFAULT false`,
    `ALTER TABLE sessions ADD COLUMN name text`,
    // The price-driving fields of each input, as estimates match them (absent: the model's default applied).
    `ALTER TABLE renders ADD COLUMN price_seconds numeric GENERATED ALWAYS AS
      (CASE WHEN jsonb_typeof(input->'duration') = 'number' THEN (input->>'duration')::numeric END) STORED`,
    `ALTER TABLE renders ADD COLUMN price_resolution text GENERATED ALWAYS AS
      (CASE WHEN jsonb_typeof(input->'resolution') = 'string' THEN input->>'resolution' END) STORED`,
    `ALTER TABLE renders ADD COLUMN price_media text GENERATED ALWAYS AS
      (${PRICE_MEDIA_FIELDS_V4.map((f) => `CASE WHEN ${has(f)} THEN '${f},' ELSE '' END`).join(' || ')}) STORED`,
    `CREATE INDEX renders_prices ON renders (model, price_resolution, created_at_ms DESC)
      WHERE status = 'succeeded' AND billable_credits IS NOT NULL`,
    // Spend by day, model and person scans a range of creation times.
    `CREATE INDEX renders_created ON renders (created_at_ms)`,
    // The UTC day whose cap a render counts against, and what it reserved there until Cannon's bill is known.
    `ALTER TABLE renders ADD COLUMN credit_day text`,
    `ALTER TABLE renders ADD COLUMN reserved_credits double precision NOT NULL DEFAULT 0`,
    `UPDATE renders SET credit_day = to_char(to_timestamp(created_at_ms / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
    // One row a day: the cap is checked against it under its row lock, so concurrent creates queue on it.
    `CREATE TABLE credit_days (
      day text PRIMARY KEY,
      spent numeric NOT NULL DEFAULT 0,
      reserved numeric NOT NULL DEFAULT 0
    )`,
    `INSERT INTO credit_days (day, spent, reserved)
      SELECT credit_day, sum(${charge('NEW', 'spent').replaceAll('NEW.', '')}),
        sum(${charge('NEW', 'reserved').replaceAll('NEW.', '')})
      FROM renders GROUP BY credit_day`,
    // Kept by the database itself: every path that moves a render (polls, the sweeper, webhooks, refusals,
    // imports) adjusts its day in the same statement, so a reservation is released exactly once.
    `CREATE FUNCTION renders_credit_days() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_spent numeric := 0;
      old_reserved numeric := 0;
      new_spent numeric := 0;
      new_reserved numeric := 0;
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.credit_day IS NOT NULL THEN
        old_spent := ${charge('OLD', 'spent')};
        old_reserved := ${charge('OLD', 'reserved')};
      END IF;
      IF NEW.credit_day IS NOT NULL THEN
        new_spent := ${charge('NEW', 'spent')};
        new_reserved := ${charge('NEW', 'reserved')};
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.credit_day IS NOT DISTINCT FROM NEW.credit_day THEN
        IF NEW.credit_day IS NOT NULL AND (old_spent, old_reserved) IS DISTINCT FROM (new_spent, new_reserved) THEN
          UPDATE credit_days SET spent = spent - old_spent + new_spent, reserved = reserved - old_reserved + new_reserved
          WHERE day = NEW.credit_day;
        END IF;
        RETURN NULL;
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.credit_day IS NOT NULL THEN
        UPDATE credit_days SET spent = spent - old_spent, reserved = reserved - old_reserved WHERE day = OLD.credit_day;
      END IF;
      IF NEW.credit_day IS NOT NULL THEN
        INSERT INTO credit_days AS d (day, spent, reserved) VALUES (NEW.credit_day, new_spent, new_reserved)
        ON CONFLICT (day) DO UPDATE SET spent = d.spent + EXCLUDED.spent, reserved = d.reserved + EXCLUDED.reserved;
      END IF;
      RETURN NULL;
    END
    $$`,
    `CREATE TRIGGER renders_credit_days
      AFTER INSERT OR UPDATE OF status, billable_credits, reserved_credits, credit_day ON renders
      FOR EACH ROW EXECUTE FUNCTION renders_credit_days()`,
  ],
}
