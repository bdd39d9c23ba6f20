'use strict';
const {
  Model
} = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class {{.Name}} extends Model {
    /**
     * Helper method for defining associations.
     * This method is not a part of Sequelize lifecycle.
     * The `models/index` file will call this method automatically.
     */
    static associate(models) {
      // define association here
    }
  }
  {{.Name}}.init({
{{range $i, $a := .Attributes}}{{if $i}},
{{end}}    {{$a.Key}}: {{$a.Type "DataTypes"}}{{end}}
  }, {
    sequelize,
    modelName: '{{.Name}}',
{{if .Underscored}}    underscored: true,
{{end}}  });
  return {{.Name}};
};