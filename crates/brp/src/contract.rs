//! The published contract: the OpenAPI document of BRP Personen bevragen v2.7.0, and validators
//! for its schemas. OpenAPI 3.1 schemas are JSON Schema 2020-12, so a schema of the document is
//! checked by pointing a `$ref` at it from the document itself (its other `#/components/…`
//! references then resolve within it).
//!
//! One part of OpenAPI is not JSON Schema: the `discriminator`. A verblijfplaats is an
//! `AbstractVerblijfplaats` whose `type` says which schema (Adres, Locatie, …) the rest must meet;
//! plain JSON Schema would check only the abstract part. So every reference to a schema with a
//! discriminator is pointed at a companion schema that checks the abstract part *and*, by `type`,
//! the concrete one (`if`/`then`). References in a concrete schema's own `allOf` keep pointing at
//! the abstract part: that is its inheritance, and following the discriminator there would loop.
use serde_json::Value;

/// The OpenAPI document, as published (converted from YAML to JSON).
pub const OPENAPI: &str = include_str!("../openapi/brp-personen-2.7.0.json");

/// A validator for one schema of the document, e.g. `RaadpleegMetBurgerservicenummer`.
pub fn validator(schema: &str) -> Result<jsonschema::Validator, String> {
    let mut doc: Value = serde_json::from_str(OPENAPI).map_err(|e| format!("OpenAPI-document: {e}"))?;
    if doc.pointer(&format!("/components/schemas/{schema}")).is_none() {
        return Err(format!("het OpenAPI-document heeft geen schema {schema}"));
    }
    met_discriminatoren(&mut doc);
    let object = doc.as_object_mut().ok_or("het OpenAPI-document is geen object")?;
    object.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
    object.insert("$ref".into(), format!("#/components/schemas/{schema}").into());
    jsonschema::options().should_validate_formats(true).build(&doc).map_err(|e| format!("schema {schema}: {e}"))
}

const SCHEMAS: &str = "#/components/schemas/";
const POLYMORF: &str = "__naar_type";

/// Adds for each schema with a discriminator its companion `<naam>__naar_type`, and points the
/// references at it (see the module's comment).
fn met_discriminatoren(doc: &mut Value) {
    let Some(schemas) = doc.pointer_mut("/components/schemas").and_then(Value::as_object_mut) else { return };
    let mut abstract_ = Vec::new();
    for (naam, schema) in schemas.iter() {
        let Some(d) = schema.get("discriminator") else { continue };
        let (Some(eigenschap), Some(mapping)) =
            (d.get("propertyName").and_then(Value::as_str), d.get("mapping").and_then(Value::as_object))
        else {
            continue;
        };
        let per_type: Vec<Value> = mapping
            .iter()
            .map(|(waarde, doel)| {
                serde_json::json!({
                    "if": {"properties": {eigenschap: {"const": waarde}}, "required": [eigenschap]},
                    "then": {"$ref": doel},
                })
            })
            .collect();
        // A `type` outside the mapping names no schema: the discriminator forbids it.
        let bekend: Vec<&String> = mapping.keys().collect();
        abstract_.push((
            naam.clone(),
            serde_json::json!({
                "$ref": format!("{SCHEMAS}{naam}"),
                "properties": {eigenschap: {"enum": bekend}},
                "allOf": per_type,
            }),
        ));
    }
    let namen: Vec<String> = abstract_.iter().map(|(n, _)| format!("{SCHEMAS}{n}")).collect();
    herleid(doc, &namen, false);
    let schemas = doc.pointer_mut("/components/schemas").and_then(Value::as_object_mut).expect("gezien");
    for (naam, schema) in abstract_ {
        schemas.insert(format!("{naam}{POLYMORF}"), schema);
    }
}

/// Points every `$ref` at an abstract schema to its companion, except a direct item of an `allOf`.
fn herleid(v: &mut Value, abstract_: &[String], in_allof: bool) {
    match v {
        Value::Object(o) => {
            if !in_allof
                && let Some(Value::String(r)) = o.get_mut("$ref")
                && abstract_.contains(r)
            {
                r.push_str(POLYMORF);
            }
            for (sleutel, kind) in o.iter_mut() {
                if sleutel == "allOf"
                    && let Value::Array(items) = kind
                {
                    items.iter_mut().for_each(|i| herleid(i, abstract_, true));
                } else {
                    herleid(kind, abstract_, false);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| herleid(i, abstract_, false)),
        _ => {}
    }
}

/// The schema a request or answer of this `type` must meet, by the discriminator of `basis`
/// (`PersonenQuery` or `PersonenQueryResponse`).
pub fn schema_voor(basis: &str, soort: &str) -> Option<String> {
    let doc: Value = serde_json::from_str(OPENAPI).ok()?;
    let doel = doc.pointer(&format!("/components/schemas/{basis}/discriminator/mapping/{soort}"))?.as_str()?;
    doel.rsplit('/').next().map(str::to_string)
}

/// Every violation of `waarde` against `v`, as "pad: melding".
pub fn afwijkingen(v: &jsonschema::Validator, waarde: &Value) -> Vec<String> {
    v.iter_errors(waarde).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_contract_knows_a_request_by_bsn_and_its_answer() {
        assert_eq!(
            schema_voor("PersonenQuery", "RaadpleegMetBurgerservicenummer").as_deref(),
            Some("RaadpleegMetBurgerservicenummer")
        );
        assert_eq!(
            schema_voor("PersonenQueryResponse", "RaadpleegMetBurgerservicenummer").as_deref(),
            Some("RaadpleegMetBurgerservicenummerResponse")
        );
        let v = validator("RaadpleegMetBurgerservicenummer").unwrap();
        let goed = json!({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": ["999993653"]});
        assert!(afwijkingen(&v, &goed).is_empty());
        // 21 numbers in one request, a number of 8 digits, no fields: each against the contract.
        let te_veel = json!({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": vec!["999993653"; 21]});
        assert!(!afwijkingen(&v, &te_veel).is_empty());
        let kort =
            json!({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": ["99999365"]});
        assert!(!afwijkingen(&v, &kort).is_empty());
        let zonder = json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"]});
        assert!(!afwijkingen(&v, &zonder).is_empty());
    }
}
