-- Why: rules that span rows or tables, which a CHECK cannot express. Each trigger raises a
-- check_violation named after its rule, with a message a registrar can act on.

-- An entry's class belongs to the entry's event, and its race number lies in the class's range.
CREATE OR REPLACE FUNCTION entries_class_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record;
BEGIN
  IF NEW.class_id IS NULL THEN RETURN NEW; END IF;
  SELECT code, event_id, race_number_from, race_number_to INTO c FROM classes WHERE id = NEW.class_id;
  IF c.event_id IS DISTINCT FROM NEW.event_id THEN
    RAISE EXCEPTION 'Class % belongs to another event; choose a class of this event', c.code
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entries_class_in_event';
  END IF;
  IF NEW.race_number IS NOT NULL
     AND (NEW.race_number < coalesce(c.race_number_from, NEW.race_number)
          OR NEW.race_number > coalesce(c.race_number_to, NEW.race_number)) THEN
    RAISE EXCEPTION 'Race number % is outside the range of class % (% to %)', NEW.race_number, c.code,
        coalesce(c.race_number_from::text, 'any'), coalesce(c.race_number_to::text, 'any')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entries_race_number_in_class_range';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER entries_class_rules BEFORE INSERT OR UPDATE OF class_id, race_number, event_id
  ON entries FOR EACH ROW EXECUTE FUNCTION entries_class_rules();

-- Narrowing a class's range must not strand entries outside it.
CREATE OR REPLACE FUNCTION classes_range_keeps_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE outside int;
BEGIN
  SELECT race_number INTO outside FROM entries
  WHERE class_id = NEW.id AND race_number IS NOT NULL
    AND (race_number < coalesce(NEW.race_number_from, race_number) OR race_number > coalesce(NEW.race_number_to, race_number))
  ORDER BY race_number LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Class % still has entry #% outside the new range; move that entry first', NEW.code, outside
      USING ERRCODE = 'check_violation', CONSTRAINT = 'classes_range_keeps_entries';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER classes_range_keeps_entries BEFORE UPDATE OF race_number_from, race_number_to
  ON classes FOR EACH ROW EXECUTE FUNCTION classes_range_keeps_entries();

-- A tracker is on at most one entry of the same event: its positions must map to one entry.
CREATE OR REPLACE FUNCTION entry_devices_one_entry_per_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event uuid;
  other record;
BEGIN
  SELECT event_id INTO event FROM entries WHERE id = NEW.entry_id;
  -- Serialise concurrent assignments of this tracker within this event.
  PERFORM pg_advisory_xact_lock(hashtext('entry_devices:' || NEW.device_id::text || ':' || event::text));
  SELECT e.race_number, d.imei INTO other
  FROM entry_devices ed JOIN entries e ON e.id = ed.entry_id JOIN devices d ON d.id = ed.device_id
  WHERE ed.device_id = NEW.device_id AND e.event_id = event AND ed.entry_id <> NEW.entry_id
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Tracker % is already on entry #% of this event; take it off that entry first',
        other.imei, coalesce(other.race_number::text, '(no number)')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_devices_one_entry_per_event';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER entry_devices_one_entry_per_event BEFORE INSERT OR UPDATE OF device_id, entry_id
  ON entry_devices FOR EACH ROW EXECUTE FUNCTION entry_devices_one_entry_per_event();

DO $$
BEGIN
  IF (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname IN
        ('entries_class_rules', 'classes_range_keeps_entries', 'entry_devices_one_entry_per_event')) <> 3 THEN
    RAISE EXCEPTION '103_cross_row_rules: a trigger is missing';
  END IF;
END $$;
