package spec

import "reflect"

// WalkSensitive visits the values of the model that derive from a
// sensitive variable, in model order: leaf receives the Value of every
// attribute marked Sensitive (an Attr, or any struct with Value and
// Sensitive fields). When tags is not nil it receives every Tags map whole,
// for callers that treat tags specially; otherwise tag entries are visited
// like attributes.
func WalkSensitive(s *Spec, leaf func(reflect.Value), tags func(Tags)) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		case reflect.Struct:
			if tags != nil && v.CanInterface() && v.Type() == reflect.TypeFor[Tags]() {
				tags(v.Interface().(Tags))
				return
			}
			val, sens := v.FieldByName("Value"), v.FieldByName("Sensitive")
			if val.IsValid() && sens.IsValid() && sens.Kind() == reflect.Bool {
				if sens.Bool() {
					leaf(val)
				}
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(s))
}
