package dashboards

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// uploadPage is the data of 上传.
type uploadPage struct {
	Title, Nav string
	Session    *warehouse.Session
	// CanUpload: the user is an admin; the page then sends the session's
	// form token with every file (header X-CSRF-Token of POST /api/reports).
	CanUpload bool
	RoleName  string
}

// upload shows the upload form: GET /upload. The files go, one request
// each (so that each has its progress and its answer), to POST
// /api/reports, which the API guards.
func (h *Handler) upload(c *gin.Context) {
	p := uploadPage{Title: "上传报告", Nav: "upload"}
	if s, ok := h.Session(c.Request); ok {
		p.Session, p.RoleName = &s, roleNames[s.User.Role]
		p.CanUpload = warehouse.RoleRank(s.User.Role) >= warehouse.RoleRank(warehouse.RoleAdmin)
	}
	h.render(c, http.StatusOK, "upload.html", p)
}
