package api

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

// fact returns one fact as readers see it, corrections applied, with the
// sentence that states it: GET /api/facts/{id}. The dashboards' facts panel
// reads a chart value's quote from here when the value is clicked, since
// pages no longer carry the quotes of every value.
func (h *Handler) fact(c *gin.Context) {
	id := c.Param("id")
	if !factID.MatchString(id) {
		h.fail(c, fmt.Errorf("%w: not a fact id", errBadRequest))
		return
	}
	f, err := h.db.Fact(c.Request.Context(), id)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, f)
}
